/*
 * Fenshen chat widget. On the hospital's site:
 *   <script src="https://fenshen.example/widget.js" data-avatar="dr-lin-wen" async></script>
 * or data-org="demo-hospital" for a picker of the organization's published avatars.
 * Optional: data-label (the bubble's accessible name), data-color (the bubble's colour, #rrggbb),
 * data-position="left". The chat runs in an iframe served by Fenshen, which only the organization's
 * allowed sites may frame (Content-Security-Policy frame-ancestors).
 */
(function () {
  var script = document.currentScript;
  if (!script || script.getAttribute("data-fenshen-ready")) return;
  script.setAttribute("data-fenshen-ready", "1");
  var base = new URL(script.src, location.href).origin;
  var avatar = script.getAttribute("data-avatar");
  var org = script.getAttribute("data-org");
  if (!avatar && !org) {
    console.error("[fenshen] widget.js needs data-avatar=\"<avatar slug>\" or data-org=\"<organization slug>\"");
    return;
  }
  var zh = /^zh/i.test(document.documentElement.lang || navigator.language || "");
  var label = script.getAttribute("data-label") || (zh ? "咨询医生的AI分身" : "Ask the doctor's AI avatar");
  var closeLabel = zh ? "关闭对话" : "Close the chat";
  var color = /^#[0-9a-f]{6}$/i.test(script.getAttribute("data-color") || "") ? script.getAttribute("data-color") : "#0f766e";
  var side = script.getAttribute("data-position") === "left" ? "left" : "right";
  var path = avatar ? "/embed/" + encodeURIComponent(avatar) : "/embed/org/" + encodeURIComponent(org);
  // The origin is a hint for when the host page sends no Referer; the server trusts the Referer first.
  var src = base + path + "?origin=" + encodeURIComponent(location.origin);

  var root = document.createElement("div");
  root.setAttribute("data-fenshen-widget", "");
  root.style.cssText = "position:fixed;bottom:16px;" + side + ":16px;z-index:2147483000;font-family:system-ui,sans-serif";

  var panel = document.createElement("div");
  panel.id = "fenshen-widget-panel";
  panel.hidden = true;
  panel.style.cssText =
    "position:absolute;bottom:72px;" + side + ":0;width:min(400px,calc(100vw - 32px));height:min(640px,calc(100dvh - 104px));" +
    "border-radius:16px;overflow:hidden;box-shadow:0 12px 40px rgba(15,23,42,.25);background:#fff";
  var frame = null;

  var button = document.createElement("button");
  button.type = "button";
  button.setAttribute("aria-label", label);
  button.setAttribute("aria-expanded", "false");
  button.setAttribute("aria-controls", panel.id);
  button.style.cssText =
    "width:56px;height:56px;border-radius:50%;border:0;cursor:pointer;color:#fff;background:" + color +
    ";box-shadow:0 6px 20px rgba(15,23,42,.3);display:flex;align-items:center;justify-content:center";
  var chatIcon = '<svg aria-hidden="true" width="26" height="26" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z"/></svg>';
  var closeIcon = '<svg aria-hidden="true" width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"><path d="M18 6 6 18M6 6l12 12"/></svg>';
  button.innerHTML = chatIcon;

  function setOpen(open) {
    if (open && !frame) {
      // The iframe loads on first open, so a page view costs the hospital's site nothing until a patient asks.
      frame = document.createElement("iframe");
      frame.src = src;
      frame.title = label;
      frame.setAttribute("allow", "clipboard-write");
      frame.style.cssText = "width:100%;height:100%;border:0";
      panel.appendChild(frame);
    }
    panel.hidden = !open;
    button.setAttribute("aria-expanded", String(open));
    button.setAttribute("aria-label", open ? closeLabel : label);
    button.innerHTML = open ? closeIcon : chatIcon;
    if (open && frame) frame.focus();
  }
  button.addEventListener("click", function () {
    setOpen(panel.hidden);
  });
  function close() {
    if (panel.hidden) return;
    setOpen(false);
    button.focus();
  }
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") close();
  });
  // Escape pressed inside the chat frame (where keyboard focus is) arrives as a message from it.
  window.addEventListener("message", function (e) {
    if (frame && e.source === frame.contentWindow && e.origin === base && e.data && e.data.fenshen === "close") close();
  });

  root.appendChild(panel);
  root.appendChild(button);
  (document.body || document.documentElement).appendChild(root);
})();
