// ReDoc on the server's OpenAPI document; it fetches the document itself.
window.addEventListener('load', () => {
  Redoc.init(new URL('../openapi', document.baseURI).href, {
    hideDownloadButton: false,
    expandResponses: '200',
    scrollYOffset: '.argus-docs-bar'
  }, document.getElementById('redoc'));
});
