(() => {
  "use strict";
  const panel = document.getElementById("dk:panel");
  if (!panel) return;
  const body = panel.querySelector(".dk-panel-body");
  const title = panel.querySelector("h2");
  const segs = (id) => document.querySelectorAll('.dk-c[data-claims~="' + id + '"]');
  const mark = (cls, ids) => {
    document.querySelectorAll("." + cls).forEach((e) => e.classList.remove(cls));
    ids.forEach((id) => segs(id).forEach((e) => e.classList.add(cls)));
  };
  let opener = null;
  const show = (ids, from) => {
    const related = [];
    body.replaceChildren();
    ids.forEach((id) => {
      const card = document.getElementById("dk:card:" + id);
      if (!card) return;
      const copy = card.cloneNode(true);
      copy.removeAttribute("id");
      body.append(copy);
      related.push(...(card.dataset.related || "").split(" ").filter(Boolean));
    });
    title.textContent = ids.length > 1 ? ids.length + " claims here" : "Selected claim";
    mark("dk-rel", related.filter((id) => !ids.includes(id)));
    mark("dk-sel", ids);
    panel.hidden = false;
    document.body.classList.add("dk-open");
    opener = from || null;
  };
  const hide = () => {
    panel.hidden = true;
    document.body.classList.remove("dk-open");
    mark("dk-sel", []);
    mark("dk-rel", []);
    if (opener) opener.focus();
    opener = null;
  };
  const go = (id) => {
    const first = segs(id)[0];
    const target = first || document.getElementById("dk:card:" + id);
    const still = matchMedia("(prefers-reduced-motion: reduce)").matches;
    if (target) target.scrollIntoView({ block: "center", behavior: still ? "auto" : "smooth" });
    show([id], first);
    if (first) first.focus({ preventScroll: true });
  };
  document.addEventListener("click", (ev) => {
    const link = ev.target.closest("a[data-go]");
    if (link) {
      ev.preventDefault();
      go(link.dataset.go);
    } else if (ev.target.closest(".dk-close")) {
      hide();
    } else {
      const seg = ev.target.closest(".dk-c");
      if (seg) show(seg.dataset.claims.split(" "), seg);
    }
  });
  // Hovering a piece outlines its innermost claim whole, and the claims it relates to.
  document.addEventListener("mouseover", (ev) => {
    const seg = ev.target.closest ? ev.target.closest(".dk-c") : null;
    const id = seg ? seg.dataset.claims.split(" ")[0] : null;
    const card = id ? document.getElementById("dk:card:" + id) : null;
    mark("dk-hover", id ? [id] : []);
    mark("dk-hover-rel", card ? (card.dataset.related || "").split(" ").filter(Boolean) : []);
  });
  document.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape" && !panel.hidden) {
      hide();
      return;
    }
    const seg = ev.target.closest ? ev.target.closest(".dk-c[tabindex]") : null;
    if (seg && (ev.key === "Enter" || ev.key === " ")) {
      ev.preventDefault();
      show(seg.dataset.claims.split(" "), seg);
    }
  });
})();
