// 留守儿童关爱: what the whole desk needs for care users (hooks.app_include_js).
// A care user (no site-keeping role) gets the body class the app's desk styles read.
(() => {
	const mark = () => {
		if (frappe.boot && frappe.boot.lbc_care_staff) document.body.classList.add("lbc-care-staff");
	};
	if (document.body) mark();
	else document.addEventListener("DOMContentLoaded", mark);
})();
