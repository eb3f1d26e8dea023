// Swagger UI on the server's OpenAPI document (JSON, so no YAML parsing in the browser).
window.addEventListener('load', () => {
  window.ui = SwaggerUIBundle({
    url: new URL('../openapi', document.baseURI).href,
    requestInterceptor: (request) => {
      if (request.url.endsWith('/openapi')) {
        request.headers.Accept = 'application/json';
      }
      return request;
    },
    dom_id: '#swagger-ui',
    deepLinking: true,
    validatorUrl: null,
    displayOperationId: true,
    docExpansion: 'list',
    tryItOutEnabled: false,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout'
  });
});
