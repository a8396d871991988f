// The site's settings against what children's data needs; the page reads them and changes nothing.
frappe.pages["care-security-check"].on_page_load = (wrapper) => {
	const page = frappe.ui.make_app_page({
		parent: wrapper,
		title: __("Security Check"),
		single_column: true,
	});
	page.set_primary_action(__("Check Again"), () => render(page), "refresh");
	page.add_inner_button(__("System Settings"), () => frappe.set_route("Form", "System Settings"));
	render(page);
};

function render(page) {
	const body = $(page.main).empty();
	$(`<p class="text-muted">${__(
		"The settings below protect the children's files on this site. This page only reads them: change them in System Settings and in each care role."
	)}</p>`).appendTo(body);
	frappe.call("leftbehind_care.security.get_findings").then(({ message: findings }) => {
		if (!findings.length) {
			$(`<div class="alert alert-success">${__(
				"Every checked setting meets what children's data needs."
			)}</div>`).appendTo(body);
			return;
		}
		const rows = findings
			.map(
				(f) => `<tr>
					<td class="text-danger"><b>${frappe.utils.escape_html(f.title)}</b></td>
					<td>${frappe.utils.escape_html(f.current)}</td>
					<td>${frappe.utils.escape_html(f.advice)}</td>
				</tr>`
			)
			.join("");
		$(`<div class="alert alert-warning">${__("{0} settings fall short.", [findings.length])}</div>
			<div class="table-responsive"><table class="table table-bordered">
				<thead><tr><th>${__("Finding")}</th><th>${__("Now")}</th><th>${__("What to Set")}</th></tr></thead>
				<tbody>${rows}</tbody>
			</table></div>`).appendTo(body);
	});
}
