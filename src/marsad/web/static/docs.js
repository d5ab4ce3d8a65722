/* /docs: the API schema in Swagger UI, served from the package (no CDN; the page's CSP allows only 'self'). */
"use strict";
window.addEventListener("DOMContentLoaded", () => {
  window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true,
    validatorUrl: null, tryItOutEnabled: true });
});
