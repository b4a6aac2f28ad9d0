// Shared by the team and facilitator pages: the socket that reconnects, texts, small DOM helpers, the timer.
"use strict";

const SignalRace = (() => {
  const RETRY_MS = [500, 1000, 2000, 3000, 5000]; // waits between reconnection attempts
  const POLICY_CLOSE = 1008; // the server closed the page on purpose (its link was replaced)

  function fmt(template, values) {
    return String(template).replace(/\{(\w+)\}/g, (all, name) => (name in values ? values[name] : all));
  }

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "text") node.textContent = value;
      else if (name === "class") node.className = value;
      else if (name === "style") node.style.cssText = value; // through the CSSOM: the page's CSP forbids style attributes
      else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? "" : value);
    }
    for (const child of children) if (child !== null && child !== undefined) node.append(child);
    return node;
  }

  function notice(text) {
    const box = document.getElementById("notice");
    box.textContent = text;
    box.hidden = !text;
    clearTimeout(notice.timeout);
    if (text) notice.timeout = setTimeout(() => (box.hidden = true), 7000);
  }

  // One WebSocket to the page's own address + "/ws"; it comes back by itself after sleep or a Wi-Fi drop.
  function connect(onMessage) {
    const scheme = location.protocol === "https:" ? "wss" : "ws";
    const url = `${scheme}://${location.host}${location.pathname.replace(/\/$/, "")}/ws?lang=${document.documentElement.lang}`;
    const banner = document.getElementById("connection");
    let attempt = 0;
    let socket = null;
    function open() {
      socket = new WebSocket(url);
      socket.onopen = () => {
        attempt = 0;
        banner.hidden = true;
      };
      socket.onmessage = (event) => onMessage(JSON.parse(event.data));
      socket.onclose = (event) => {
        if (event.code === POLICY_CLOSE) {
          location.reload(); // the page now says why (a replaced link)
          return;
        }
        banner.hidden = false;
        setTimeout(open, RETRY_MS[Math.min(attempt++, RETRY_MS.length - 1)]);
      };
    }
    open();
    return {
      send(message) {
        if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
      },
    };
  }

  // The planning timer counts down on the page between two views; the host stays the judge of time.
  const timer = { remaining: null, running: false, at: 0 };
  function setTimer(view, label) {
    const node = document.getElementById("timer");
    if (!view) {
      timer.remaining = null;
      node.hidden = true;
      return;
    }
    Object.assign(timer, { remaining: view.remaining, running: view.running, at: performance.now(), label });
    node.hidden = false;
    showTimer();
  }
  function showTimer() {
    if (timer.remaining === null) return;
    const spent = timer.running ? (performance.now() - timer.at) / 1000 : 0;
    const left = Math.max(0, Math.ceil(timer.remaining - spent));
    const node = document.getElementById("timer");
    node.textContent = fmt(timer.label, { time: `${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")}` });
    node.classList.toggle("urgent", left <= 15);
  }
  setInterval(showTimer, 500);

  function standings(table, rows, labels, mine) {
    const head = el("tr", {}, ...["rank", "team", "points", "won", "lost", "open"].map((k) => el("th", { scope: "col", text: labels[k] })));
    table.replaceChildren(el("thead", {}, head));
    const body = el("tbody");
    for (const row of rows) {
      const name = el("td", { class: "name" }, el("span", { class: "dot", style: `background:${row.colour}`, "aria-hidden": "true" }), row.team);
      const tr = el("tr", { class: row.team === mine ? "mine" : null }, el("td", { text: row.rank }), name,
        el("td", { text: row.score }), el("td", { text: row.won }), el("td", { text: row.lost }), el("td", { text: row.open }));
      body.append(tr);
    }
    table.append(body);
  }

  return { fmt, el, notice, connect, setTimer, standings };
})();
