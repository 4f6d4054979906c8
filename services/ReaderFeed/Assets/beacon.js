// Counts one view of the article on this page for "Trending Now". Runs deferred, once per page view,
// also when the page itself came from a cache. The body is JSON, so it is sent as a Blob of that type.
(function () {
  'use strict';
  var article = document.querySelector('article[data-article-id]');
  if (!article || !navigator.sendBeacon) return;
  var sent = false;
  function send() {
    if (sent) return;
    sent = true;
    var body = new Blob([JSON.stringify({ articleId: article.getAttribute('data-article-id') })], { type: 'application/json' });
    navigator.sendBeacon('/api/trending/views', body);
  }
  // A prerendered page is not a view until the reader actually opens it.
  if (document.prerendering) {
    document.addEventListener('prerenderingchange', send, { once: true });
  } else {
    send();
  }
})();
