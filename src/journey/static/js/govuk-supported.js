// Marks the page as having JavaScript, and a browser that GOV.UK Frontend supports, before anything is drawn.
// Loaded as a file (not inline) so that the Content Security Policy needs no 'unsafe-inline' for scripts.
document.body.className += " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
