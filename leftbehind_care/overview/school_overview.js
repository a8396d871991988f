// 督导概览: per school, the numbers an inspector may see (leftbehind_care.api.school_overview).
// Runs inside Frappe's custom block, where `root_element` is the block's shadow root.
frappe.call("leftbehind_care.api.school_overview").then(({ message: schools }) => {
	const box = root_element.querySelector(".lbc-overview");
	if (!schools || !schools.length) {
		box.innerHTML = `<p>${__("No school has been assigned to you yet. Ask the county administrator to add you to a school's leadership group as an inspector.")}</p>`;
		return;
	}
	const cell = (n, warn) => `<td class="num${warn && n ? " warn" : ""}">${n}</td>`;
	const rows = schools
		.map(
			(s) => `<tr><td>${frappe.utils.escape_html(s.school)}</td>${cell(s.children)}${cell(s.alerts, true)}${cell(s.incomplete, true)}</tr>`
		)
		.join("");
	box.innerHTML = `<table>
		<thead><tr><th>${__("School")}</th><th>${__("Children in the Programme")}</th>
			<th>${__("Unsupervised Alerts")}</th><th>${__("Incomplete Files")}</th></tr></thead>
		<tbody>${rows}</tbody></table>`;
});
