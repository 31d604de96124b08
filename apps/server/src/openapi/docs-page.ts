/**
 * The interactive API reference: Swagger UI served from the `swagger-ui-dist` package (no CDN,
 * works offline), reading `/openapi.json`. The page loads only same-origin files.
 */
export const DOCS_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>llmsr API reference</title>
    <link rel="stylesheet" href="/docs/swagger-ui.css" />
  </head>
  <body>
    <div id="api-reference"></div>
    <script src="/docs/swagger-ui-bundle.js"></script>
    <script src="/docs/init.js"></script>
  </body>
</html>
`;

/**
 * Starts Swagger UI on the page. `validatorUrl: null` keeps it from calling the public
 * validator.swagger.io badge service (the registry must work without internet).
 */
export const DOCS_INIT_SCRIPT = `window.ui = SwaggerUIBundle({
  url: '/openapi.json',
  dom_id: '#api-reference',
  validatorUrl: null,
  deepLinking: true,
});
`;
