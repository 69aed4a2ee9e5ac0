// Zoom (wheel, buttons) and pan (drag) for an SVG by moving its viewBox.
// A drag shorter than a few pixels is left alone, so clicks on markers still work.

export function panZoom(svg, { box, minWidth = 1, maxWidth = Infinity, onChange = () => {} }) {
  let vb = { ...box };
  let drag = null;
  let moved = false;

  function set(next) {
    const w = Math.min(maxWidth, Math.max(minWidth, next.w));
    const k = w / next.w;
    vb = { x: next.x + (next.w - w) / 2, y: next.y + (next.h - next.h * k) / 2, w, h: next.h * k };
    svg.setAttribute("viewBox", `${vb.x} ${vb.y} ${vb.w} ${vb.h}`);
    onChange(vb, scale());
  }

  /** Viewbox units per screen pixel (the SVG keeps its aspect ratio: "meet"). */
  function scale() {
    const r = svg.getBoundingClientRect();
    if (!r.width || !r.height) return vb.w / 800;
    return Math.max(vb.w / r.width, vb.h / r.height);
  }

  function toSvg(clientX, clientY) {
    const m = svg.getScreenCTM();
    if (!m) return { x: vb.x + vb.w / 2, y: vb.y + vb.h / 2 };
    const p = new DOMPoint(clientX, clientY).matrixTransform(m.inverse());
    return { x: p.x, y: p.y };
  }

  function zoomAt(factor, cx, cy) {
    let w = vb.w / factor;
    w = Math.min(maxWidth, Math.max(minWidth, w));
    const k = w / vb.w;
    set({ x: cx - (cx - vb.x) * k, y: cy - (cy - vb.y) * k, w, h: vb.h * k });
  }

  svg.addEventListener("wheel", (e) => {
    e.preventDefault();
    const p = toSvg(e.clientX, e.clientY);
    zoomAt(Math.exp(-e.deltaY * 0.0015), p.x, p.y);
  }, { passive: false });

  svg.addEventListener("pointerdown", (e) => {
    if (e.button !== 0) return;
    drag = { x: e.clientX, y: e.clientY, vb: { ...vb }, k: scale(), id: e.pointerId };
    moved = false;
  });
  svg.addEventListener("pointermove", (e) => {
    if (!drag) return;
    const dx = e.clientX - drag.x;
    const dy = e.clientY - drag.y;
    if (!moved && Math.hypot(dx, dy) < 4) return;
    if (!moved) {
      moved = true;
      svg.setPointerCapture(drag.id);
      svg.classList.add("dragging");
    }
    set({ ...drag.vb, x: drag.vb.x - dx * drag.k, y: drag.vb.y - dy * drag.k });
  });
  const end = () => {
    drag = null;
    svg.classList.remove("dragging");
  };
  svg.addEventListener("pointerup", end);
  svg.addEventListener("pointercancel", end);
  // A click that ends a drag is not a click on what is under the pointer.
  svg.addEventListener("click", (e) => {
    if (moved) {
      e.stopPropagation();
      e.preventDefault();
      moved = false;
    }
  }, true);

  set(vb);
  return {
    zoom(factor) {
      zoomAt(factor, vb.x + vb.w / 2, vb.y + vb.h / 2);
    },
    fit(b) {
      set({ ...b });
    },
    get: () => ({ ...vb }),
    scale,
  };
}
