// 家长端: the parents' pages call the app's methods with this (Frappe's website `frappe.call`
// shows errors in a dialog of its own; these pages show them next to the form).
window.lbcParent = {
	async call(method, args) {
		const response = await fetch(`/api/method/${method}`, {
			method: "POST",
			headers: {
				Accept: "application/json",
				"Content-Type": "application/json",
				"X-Frappe-CSRF-Token": window.frappe && frappe.csrf_token,
			},
			// Answers in the page's language (a guest's would be in the site's).
			body: JSON.stringify({ _lang: document.documentElement.lang, ...(args || {}) }),
		});
		const data = await response.json().catch(() => ({}));
		if (!response.ok) {
			const messages = JSON.parse(data._server_messages || "[]").map((m) => JSON.parse(m).message);
			throw new Error(messages.join(" ") || data._error_message || response.statusText);
		}
		return data.message;
	},
	// Show `message` in the element `where` (an error's sentence, or a confirmation).
	say(where, message, ok) {
		const el = document.querySelector(where);
		el.textContent = message || "";
		el.classList.toggle("hidden", !message);
		el.classList.toggle("lbc-ok", Boolean(ok));
	},
	// Submit handler of a form: its fields as arguments, then `done(result)`.
	form(selector, method, done, extra) {
		const form = document.querySelector(selector);
		form.addEventListener("submit", async (event) => {
			event.preventDefault();
			const note = form.querySelector(".lbc-note");
			const button = form.querySelector("button[type=submit]");
			const args = Object.fromEntries(new FormData(form).entries());
			button.disabled = true;
			try {
				const result = await lbcParent.call(method, { ...args, ...(extra ? extra(form) : {}) });
				done(result, form);
			} catch (error) {
				note.textContent = error.message;
				note.classList.remove("hidden", "lbc-ok");
			} finally {
				button.disabled = false;
			}
		});
	},
};
