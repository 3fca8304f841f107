// The org tree as a unit picker shows it. Pure, unit-tested in web/test/units.test.mjs.

// Each node gets `label`: its name, with its parent's name added when another unit of the tree
// has the same name (two towns may each have a 东湖村); with `onlyActive` (a picker for a new
// record) a deactivated unit is `disabled` — filters may still pick it.
export function pickerTree(nodes, onlyActive = false) {
  const counts = new Map()
  const count = (ns) => ns.forEach((n) => { counts.set(n.name, (counts.get(n.name) || 0) + 1); count(n.children || []) })
  count(nodes || [])
  const label = (n, parent) => (counts.get(n.name) > 1 && parent ? `${n.name}（${parent.name}）` : n.name)
  const map = (ns, parent) => ns.map((n) => ({
    ...n,
    label: label(n, parent),
    disabled: onlyActive && n.active === false,
    children: map(n.children || [], n)
  }))
  return map(nodes || [], null)
}
