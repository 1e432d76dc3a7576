// Enhances a public facility page: turns the coordinates into a Leaflet map. Without
// JavaScript, or if Leaflet or the tiles do not load, the page keeps its coordinates and
// everything else; the map container stays hidden.
(function () {
  'use strict';
  var container = document.getElementById('facility-map');
  if (!container || typeof window.L === 'undefined') return;
  var latitude = Number(container.getAttribute('data-latitude'));
  var longitude = Number(container.getAttribute('data-longitude'));
  if (!isFinite(latitude) || !isFinite(longitude)) return;
  container.hidden = false;
  var map = window.L.map(container, { scrollWheelZoom: false }).setView([latitude, longitude], 14);
  window.L.tileLayer(container.getAttribute('data-tile-url'), {
    maxZoom: 19,
    attribution: container.getAttribute('data-attribution'),
  }).addTo(map);
  window.L.marker([latitude, longitude], { title: container.getAttribute('data-name'), alt: container.getAttribute('data-name') }).addTo(map);
  container.setAttribute('data-map-ready', 'true');
})();
