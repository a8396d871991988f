"""The framework-free core of leftbehind_care.

Every rule of the care system lives here as plain, typed Python with no `import frappe`,
so it is tested by plain pytest anywhere. DocType controllers gather rows, call these
functions and turn a `RuleError` into a translated message (see `leftbehind_care.messages`).
"""
