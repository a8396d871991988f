frappe.listview_settings["Left Behind Child"] = {
	add_fields: ["status", "unsupervised_alert", "completeness"],
	onload(listview) {
		// Find a child by name, pinyin (zhangsan) or initials (zs): the server matches (with the
		// query builder, which works on every database) and the list shows those children. A plain
		// input, not a page field: the list would send a page field's value as a filter itself.
		const $box = $(`<div class="form-group frappe-control col-md-2 lbc-name-or-pinyin">
			<input type="text" class="form-control input-xs" autocomplete="off"
				placeholder="${__("Name and Pinyin")}">
		</div>`).prependTo(listview.page.page_form);
		const search = frappe.utils.debounce((text) => {
			listview.filter_area.remove("name");
			if (!text) return;
			frappe.call("leftbehind_care.api.find_children", { txt: text }).then(({ message }) => {
				listview.filter_area.add([
					["Left Behind Child", "name", "in", message.length ? message : ["-"]],
				]);
			});
		}, 400);
		$box.find("input").on("input", (e) => search(($(e.target).val() || "").trim()));
		// The box finds by name too: Frappe's own name filter beside it would repeat it.
		listview.page.fields_dict.child_name?.$wrapper.hide();
		fold_filters_on_phones(listview);
	},
	get_indicator(doc) {
		if (doc.unsupervised_alert) {
			return [__("Unsupervised"), "red", "unsupervised_alert,=,1"];
		}
		const colors = {
			Active: "green",
			"Parents Returned": "blue",
			"Aged Out": "gray",
			Transferred: "gray",
			Graduated: "gray",
		};
		return [__(doc.status), colors[doc.status] || "gray", "status,=," + doc.status];
	},
};

// On a phone the list's filters would stack above the first child: show the name box and a
// button that unfolds the rest.
function fold_filters_on_phones(listview) {
	frappe.dom.set_style(
		`.lbc-filters-toggle { display: none; }
		@media (max-width: 767px) {
			.lbc-filters-folded .frappe-control:not(.lbc-name-or-pinyin) { display: none !important; }
			.lbc-filters-toggle { display: inline-block; margin: 0 0 var(--margin-sm) var(--margin-md); }
		}`,
		"lbc-child-list"
	);
	const $form = listview.page.page_form.addClass("lbc-filters-folded");
	$(`<button class="btn btn-default btn-xs lbc-filters-toggle"></button>`)
		.text(__("More Filters"))
		.insertAfter($form)
		.on("click", (e) => {
			$form.toggleClass("lbc-filters-folded");
			$(e.currentTarget).text(
				$form.hasClass("lbc-filters-folded") ? __("More Filters") : __("Fewer Filters")
			);
		});
}
