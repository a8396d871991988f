// Records that name several children (an activity's participants, a meeting's attendees): the
// server sends a class teacher or mentor only the rows of the children they look after, and how
// many others there are (permissions.ShownToReader). Added to both forms by hooks.doctype_js.
window.lbc_show_rows_not_shown = function (frm) {
	const others = (frm.doc.__onload || {}).rows_not_shown;
	frm.set_intro(); // Frappe appends to the headline on each refresh
	if (others) {
		frm.set_intro(
			__(
				"{0} more children you do not look after are listed here: only the organiser and the school's leaders see their names.",
				[others]
			)
		);
	}
};
