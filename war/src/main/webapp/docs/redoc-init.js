// ReDoc on the server's OpenAPI document; it fetches the document itself.

// ReDoc's sidebar footer loads its logo from a CDN; the pages load nothing from outside this server.
const REDOC_LOGO = 'https://cdn.redoc.ly/redoc/logo-mini.svg';
const setAttribute = Element.prototype.setAttribute;
Element.prototype.setAttribute = function (name, value) {
  if (this instanceof HTMLImageElement && name === 'src' && value === REDOC_LOGO) {
    return setAttribute.call(this, name, new URL('../console/icon.svg', document.baseURI).href);
  }
  return setAttribute.call(this, name, value);
};

window.addEventListener('load', () => {
  Redoc.init(new URL('../openapi', document.baseURI).href, {
    hideDownloadButton: false,
    expandResponses: '200',
    scrollYOffset: '.argus-docs-bar'
  }, document.getElementById('redoc'));
});
