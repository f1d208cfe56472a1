/**
 * The one script the report runs besides the inlined libraries: it reads the chart specs from their
 * JSON element and embeds each with vega-embed, recording views and errors on `window.zerosim`
 * (the browser test waits on `window.zerosim.ready`).
 */
export const BOOT_SCRIPT = `
(function () {
  'use strict';
  var specs = JSON.parse(document.getElementById('zerosim-specs').textContent);
  var state = { views: {}, errors: [] };
  window.zerosim = state;
  var options = {
    renderer: 'svg',
    actions: { export: true, source: false, compiled: false, editor: false },
  };
  state.ready = Promise.all(specs.map(function (chart) {
    var el = document.getElementById('chart-' + chart.name);
    return vegaEmbed(el, chart.spec, options).then(function (result) {
      state.views[chart.name] = result.view;
    }).catch(function (err) {
      state.errors.push(chart.name + ': ' + err);
      el.textContent = 'This chart failed to render: ' + err;
      el.className += ' chart-error';
      console.error('zerosim chart ' + chart.name + ' failed', err);
    });
  }));
})();
`;
