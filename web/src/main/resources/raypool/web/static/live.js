// Live updates by server-sent events: the VM table on "My VMs", the charts on the dashboard.
(function () {
  function text(el, value) { if (el) { el.textContent = value; } }
  var table = document.getElementById('vms');
  if (table) {
    var source = new EventSource('/events');
    source.addEventListener('vms', function (e) {
      var data = JSON.parse(e.data);
      data.vms.forEach(function (vm) {
        var row = table.querySelector('tr[data-uuid="' + vm.uuid + '"]');
        if (row) {
          text(row.querySelector('.state'), vm.power_state);
          text(row.querySelector('.vcpus'), vm.vcpus);
          text(row.querySelector('.memory'), vm.memory_mib);
        }
      });
      text(document.getElementById('vm-count'), data.vms.length + ' VM(s)');
    });
  }
  var dash = document.getElementById('dashboard');
  if (dash) {
    var events = new EventSource('/admin/events');
    events.addEventListener('dashboard', function (e) {
      var data = JSON.parse(e.data);
      data.hosts.forEach(function (h) {
        var box = dash.querySelector('[data-host="' + h.name + '"]');
        if (box) {
          var cpu = box.querySelector('polyline.cpu');
          if (cpu) { cpu.setAttribute('points', h.cpu_points); }
          var mem = box.querySelector('polyline.memory');
          if (mem) { mem.setAttribute('points', h.memory_points); }
          text(box.querySelector('.cpu-now'), h.cpu);
        }
      });
      text(document.getElementById('updated'), data.at);
      dash.setAttribute('data-updates', String(Number(dash.getAttribute('data-updates') || '0') + 1));
    });
  }
})();
