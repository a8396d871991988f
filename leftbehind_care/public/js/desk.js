// 留守儿童关爱: what the whole desk needs for care users (hooks.app_include_js).
// A care user (no site-keeping role) gets the body class the app's desk styles read.
(() => {
	const mark = () => {
		if (frappe.boot && frappe.boot.lbc_care_staff) document.body.classList.add("lbc-care-staff");
	};
	if (document.body) mark();
	else document.addEventListener("DOMContentLoaded", mark);
})();

// Frappe v15 opens a report by asking for its script. A report the user may not open is refused
// in one sentence, shown by the request; the report view's promise is then left rejected with no
// reason, which the browser would report as a script error "undefined".
window.addEventListener("unhandledrejection", (event) => {
	const route = (frappe.get_route && frappe.get_route()) || [];
	if (event.reason === undefined && route[0] === "query-report") event.preventDefault();
});

// On a phone, Frappe v15's notification panel reaches past the screen's right edge: keep it in.
$(document).on("shown.bs.dropdown", ".dropdown-notifications", function () {
	const list = this.querySelector(".notifications-list");
	if (!list) return;
	const overflow = list.getBoundingClientRect().right - document.documentElement.clientWidth;
	if (overflow > 0) list.style.right = `${parseFloat(getComputedStyle(list).right) + overflow}px`;
});
