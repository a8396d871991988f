// 我的学生: a class teacher's (or mentor's) children this month, on a phone between lessons.
// Who still needs a talk comes first; one tap records a talk or a family contact.
frappe.pages["my-students"].on_page_load = (wrapper) => {
	const page = frappe.ui.make_app_page({
		parent: wrapper,
		title: __("My Students"),
		single_column: true,
	});
	page.set_primary_action(__("Record a Talk"), () => record("Talk Record", null, page), "add");
	page.add_inner_button(__("Talk Compliance"), () =>
		frappe.set_route("query-report", "Talk Compliance")
	);
	$(page.main).addClass("my-students");
	frappe.pages["my-students"].page = page;
	render(page);
};

frappe.pages["my-students"].on_page_show = () => {
	const page = frappe.pages["my-students"].page;
	if (page) render(page);
};

const BADGES = {
	talk: {
		Met: ["green", __("Talked This Month")],
		Open: ["orange", __("Talk Still Due")],
		Missed: ["red", __("Talk Missed")],
		"Not Due": ["gray", __("No Talk Due")],
	},
	contact: {
		Met: ["green", __("Family Contacted")],
		Open: ["orange", __("Family Contact Due")],
		Missed: ["red", __("Family Contact Missed")],
		"Not Due": ["gray", __("No Contact Due")],
	},
	visit: {
		Met: ["green", __("Home Visited This Term")],
		Open: ["orange", __("Home Visit Due This Term")],
		Missed: ["red", __("Home Visit Missed")],
	},
};

function badge(kind, status) {
	const found = BADGES[kind][status];
	return found ? `<span class="indicator-pill ${found[0]}">${found[1]}</span>` : "";
}

function record(doctype, child, page) {
	const doc = frappe.model.get_new_doc(doctype, null, null, true);
	if (child) doc.child = child;
	frappe.ui.form.make_quick_entry(
		doctype,
		(saved) => {
			// The dialog closes without a word on a phone: say what was recorded.
			frappe.show_alert({
				message: __("{0} recorded for {1}", [__(doctype), frappe.utils.escape_html(saved.child_name || saved.child || "")]),
				indicator: "green",
			});
			render(page);
		},
		null,
		doc
	);
}

let rendering = 0;

function render(page) {
	// Loading and showing the page both render: only the latest answer is drawn.
	const call = ++rendering;
	frappe.call("leftbehind_care.api.my_students").then(({ message }) => {
		if (call !== rendering) return;
		const body = $(page.main).empty();
		const children = message.children || [];
		if (!children.length) {
			$(`<div class="text-muted p-4">${__(
				"No children here yet: this page lists the active children of the classes you teach and the children paired with you."
			)}</div>`).appendTo(body);
			return;
		}
		const due = children.filter((c) => c.talk === "Open" || c.talk === "Missed").length;
		const contacts = children.filter((c) => c.contact === "Open" || c.contact === "Missed").length;
		$(`<div class="my-students-summary">
			<b>${__("{0} children", [children.length])}</b> ·
			<span class="${due ? "text-warning" : "text-success"}">${__("{0} still need this month's talk", [due])}</span> ·
			<span>${__("{0} still need a family contact", [contacts])}</span>
		</div>`).appendTo(body);
		const list = $(`<div class="my-students-list"></div>`).appendTo(body);
		for (const c of children) {
			const name = frappe.utils.escape_html(c.child_name);
			const last = c.last_talk
				? __("Last talk {0}", [frappe.datetime.str_to_user(c.last_talk)])
				: __("No talk yet");
			const card = $(`<div class="my-student">
				<div class="my-student-head">
					<a class="my-student-name" href="#">${name}</a>
					<span class="text-muted small">${frappe.utils.escape_html(c.class_title || "")}</span>
				</div>
				<div class="my-student-badges">${badge("talk", c.talk)} ${badge("contact", c.contact)} ${badge("visit", c.visit)}</div>
				<div class="text-muted small">${last}</div>
				<div class="my-student-actions">
					<button class="btn btn-sm btn-primary record-talk">${__("Record a Talk")}</button>
					<button class="btn btn-sm btn-default record-contact">${__("Record a Family Contact")}</button>
				</div>
			</div>`).appendTo(list);
			card.find(".my-student-name").on("click", (e) => {
				e.preventDefault();
				frappe.set_route("Form", "Left Behind Child", c.name);
			});
			card.find(".record-talk").on("click", () => record("Talk Record", c.name, page));
			card.find(".record-contact").on("click", () => record("Family Contact", c.name, page));
		}
	});
}
