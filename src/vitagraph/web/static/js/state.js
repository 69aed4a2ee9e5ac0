// The selection shared by every view: selecting a place, person, work or event
// anywhere highlights it everywhere. It lives in the URL hash (#sel=type:id), so
// a selection survives switching views and can be linked to.

const listeners = new Set();
let current = null;

/** sel: {type: "event"|"date"|"entity"|"work", id, focus?: [start, end]} or null. */
export function select(sel, origin = null) {
  current = sel;
  const hash = sel ? `#sel=${sel.type}:${sel.id}` : "";
  if (location.hash !== hash) history.replaceState(history.state, "", location.pathname + location.search + hash);
  for (const fn of [...listeners]) {
    try {
      fn(sel, origin);
    } catch (err) {
      console.error(err); // one broken view must not stop the others
    }
  }
}

export function selection() {
  return current;
}

export function onSelect(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function clearListeners() {
  listeners.clear();
}

export function fromHash(hash = location.hash) {
  const m = /^#sel=(event|date|entity|work):(.+)$/.exec(hash);
  return m ? { type: m[1], id: decodeURIComponent(m[2]) } : null;
}

export function setQuiet(sel) {
  current = sel;
}

/** Is this entity/work/event id part of what is selected? Views use it to highlight. */
export function sameEntity(sel, id) {
  return !!sel && (sel.type === "entity" || sel.type === "work") && sel.id === id;
}
