// Starts GOV.UK Frontend's components (header menu, error summary focus, notification banners...).
// A module file rather than an inline module, for the Content Security Policy.
import { initAll } from "../govuk/govuk-frontend.min.js";

initAll();
