// Small conveniences of the portal, for browsers that run scripts. Every page works without this
// file: the buttons it shows are hidden until it runs, and the forms are plain forms.
'use strict';

document.addEventListener('DOMContentLoaded', () => {
  // "Print": the browser's own print dialog (the page has a print stylesheet).
  for (const button of document.querySelectorAll('button[data-print]')) {
    button.hidden = false;
    button.addEventListener('click', () => window.print());
  }

  // "Use my location": fills the search form's latitude and longitude from the device.
  const locate = document.querySelector('button[data-locate]');
  const lat = document.getElementById('lat');
  const lon = document.getElementById('lon');
  const status = document.getElementById('locate-status');
  if (locate && lat && lon && 'geolocation' in navigator) {
    locate.hidden = false;
    locate.addEventListener('click', () => {
      if (status) status.textContent = locate.dataset.waiting || '';
      navigator.geolocation.getCurrentPosition(
        (position) => {
          lat.value = position.coords.latitude.toFixed(5);
          lon.value = position.coords.longitude.toFixed(5);
          if (status) status.textContent = locate.dataset.done || '';
        },
        () => {
          if (status) status.textContent = locate.dataset.failed || '';
        },
        { timeout: 15000, maximumAge: 600000 },
      );
    });
  }
});
