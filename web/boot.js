// Starts the app once the page drawn at build time is on the screen (prerender.ts writes this
// file into the page with the app's entry and the scripts it needs): on a slow link the
// stylesheet then has the line to itself and the words paint first; the scripts follow at once.
// The home screen's button is a plain link, so it works before they arrive.
(function () {
  var me = document.currentScript;
  if (!me) return;
  var entry = me.getAttribute('data-entry');
  var preload = (me.getAttribute('data-preload') || '').split(' ').filter(Boolean);
  function start() {
    preload.forEach(function (href) {
      var link = document.createElement('link');
      link.rel = 'modulepreload';
      link.href = href;
      document.head.appendChild(link);
    });
    var script = document.createElement('script');
    script.type = 'module';
    script.src = entry;
    document.head.appendChild(script);
  }
  requestAnimationFrame(function () {
    setTimeout(start, 0);
  });
})();
