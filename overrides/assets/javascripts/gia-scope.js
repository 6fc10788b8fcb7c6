/* GIA Wegwijzer: replaces mkdocs-material's inline scope script (the CSP allows no inline scripts).
   Material keeps small bits of state (open tabs, palette) through __md_get/__md_set. Here that state
   lives in memory only, so the site never writes to localStorage: nothing is left on a shared device. */
(function () {
  var base = document.currentScript ? document.currentScript.getAttribute("data-base") : ".";
  var memory = {};
  window.__md_scope = new URL(base || ".", location);
  window.__md_hash = function (e) {
    return Array.prototype.reduce.call(e, function (h, c) { return (h << 5) - h + c.charCodeAt(0); }, 0);
  };
  window.__md_get = function (key, _storage, scope) {
    var k = (scope || window.__md_scope).pathname + "." + key;
    return Object.prototype.hasOwnProperty.call(memory, k) ? JSON.parse(memory[k]) : null;
  };
  window.__md_set = function (key, value, _storage, scope) {
    memory[(scope || window.__md_scope).pathname + "." + key] = JSON.stringify(value);
  };
})();
