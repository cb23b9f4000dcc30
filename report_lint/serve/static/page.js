// The page of `report-lint serve`. Served from the server itself (the CSP allows no other
// script and no inline one). Without it the form still works; with it:
//  * a file dropped anywhere on the page is taken, and a chosen or dropped file is sent at once;
//  * sizes are checked before anything is sent (the same words as the server's message);
//  * the downloads are built here from the data in the page (the server keeps nothing).
// User text is only ever set as textContent.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function mb(n) {
    return (n / 1048576).toFixed(1) + " MB";
  }

  function setUp(form) {
    var input = form.querySelector("input[type=file]");
    var drop = form.querySelector(".drop");
    var chosen = form.querySelector(".chosen");
    var problem = form.querySelector(".problem");
    var busy = form.querySelector(".busy");
    var text = form.querySelector("textarea");
    var limit = parseInt(form.getAttribute("data-limit"), 10);
    var limitText = form.getAttribute("data-limit-text");
    var sending = false;

    function say(msg) {
      problem.textContent = msg;
      problem.hidden = !msg;
    }

    function show() {
      var names = [];
      for (var i = 0; i < input.files.length; i++) names.push(input.files[i].name);
      chosen.textContent = names.length ? "已选择：" + names.join("、") : "";
    }

    // The reason not to send, or "".
    function refusal() {
      var files = input.files, total = 0;
      for (var i = 0; i < files.length; i++) {
        if (files[i].size > limit) {
          return files[i].name + "：文件太大（" + mb(files[i].size) + "，上限 " + limitText + "）：请检查是否选错了文件";
        }
        total += files[i].size;
      }
      var pasted = text ? text.value : "";
      total += new Blob([pasted]).size;
      if (total > limit) {
        return "文件太大（合计 " + mb(total) + "，上限 " + limitText + "）：请检查是否选错了文件；" +
          "几个文件一起检查时，合计不能超过 " + limitText + "，可以分几次检查。";
      }
      if (!files.length && !pasted.trim()) {
        return "没有收到要检查的内容：请把报告文件拖到框里（或点“选择文件”），或者把报告的文字粘贴到下面的框里。";
      }
      return "";
    }

    function send() {
      if (sending) return;
      var why = refusal();
      say(why);
      if (why) return;
      sending = true;
      if (busy) busy.hidden = false;
      form.classList.add("sending");
      form.submit();
    }

    // Back to this page from a result: ready again, not "checking".
    window.addEventListener("pageshow", function () {
      sending = false;
      if (busy) busy.hidden = true;
      form.classList.remove("sending");
    });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      send();
    });
    input.addEventListener("change", function () {
      show();
      if (input.files.length) send();
    });
    return {
      take: function (files) {
        try {
          input.files = files;
        } catch (err) {
          say("无法接收拖入的文件：请点“选择文件”选择。");
          return;
        }
        show();
        send();
      },
      drop: drop
    };
  }

  var forms = document.querySelectorAll("form.check");
  var main = forms.length ? setUp(forms[0]) : null;
  // Only a drag that carries files is ours: text dragged into the paste box is left alone.
  function carriesFiles(e) {
    var types = e.dataTransfer ? e.dataTransfer.types : null;
    if (!types) return false;
    for (var i = 0; i < types.length; i++) if (types[i] === "Files") return true;
    return false;
  }
  if (main) {
    var depth = 0;
    document.addEventListener("dragenter", function (e) {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth++;
      main.drop.classList.add("over");
    });
    document.addEventListener("dragleave", function (e) {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (!depth) main.drop.classList.remove("over");
    });
    document.addEventListener("dragover", function (e) {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = "copy";
    });
    document.addEventListener("drop", function (e) {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth = 0;
      main.drop.classList.remove("over");
      if (e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files.length) main.take(e.dataTransfer.files);
    });
  }

  // Downloads: each link's data is a base64 block in the page (a script element of a data
  // type, which is never run); a Blob of it becomes the link's target.
  var links = document.querySelectorAll("a.download[data-payload]");
  for (var i = 0; i < links.length; i++) {
    var a = links[i];
    var block = document.getElementById(a.getAttribute("data-payload"));
    if (!block) continue;
    var raw = atob(block.textContent.replace(/\s+/g, ""));
    var bytes = new Uint8Array(raw.length);
    for (var k = 0; k < raw.length; k++) bytes[k] = raw.charCodeAt(k);
    a.href = URL.createObjectURL(new Blob([bytes], { type: a.getAttribute("data-type") }));
    a.removeAttribute("aria-disabled");
  }
})();
