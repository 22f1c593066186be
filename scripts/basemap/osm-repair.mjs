// Makes an OSM extract referentially complete enough for tilemaker, which aborts on a
// way whose node is not in the file ("Could not find node with id …"), even with
// --skip-integrity. Bbox extracts made without osmium's complete-ways strategy are like
// that: streets that cross the edge lose their outside nodes. Uses osmium-tool's OPL text
// format (one object per line) as the exchange format:
//   open ways keep their nodes that exist (cut at the edge, as a clip would),
//   closed ways (areas) with a missing node are dropped (a cut ring would draw wrong),
//   relations lose the members that are gone, and are dropped when none remain.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

export function hasOsmium() {
  try {
    execFileSync('osmium', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const field = (parts, key) => parts.find((p) => p.startsWith(key));

/** Repairs `input` (.osm.pbf) into `output` (.osm.pbf); returns what it changed. */
export function repairOsm(input, output, oplFile) {
  execFileSync('osmium', ['cat', '--overwrite', '-f', 'opl', '-o', oplFile, input], { stdio: 'ignore' });
  const lines = readFileSync(oplFile, 'utf8').split('\n');
  const nodes = new Set();
  for (const line of lines) if (line.startsWith('n')) nodes.add(line.slice(1, line.indexOf(' ')));
  const ways = new Set();
  const stats = { cutWays: 0, droppedWays: 0, droppedMembers: 0, droppedRelations: 0 };
  const out = [];
  for (const line of lines) {
    if (line.startsWith('w')) {
      const parts = line.split(' ');
      const refsAt = parts.indexOf(field(parts, 'N'));
      const refs = parts[refsAt].slice(1).split(',').filter(Boolean);
      const kept = refs.filter((r) => nodes.has(r.slice(1)));
      if (kept.length === refs.length) {
        ways.add(parts[0].slice(1));
        out.push(line);
        continue;
      }
      const closed = refs.length > 3 && refs[0] === refs[refs.length - 1];
      if (closed || kept.length < 2) {
        stats.droppedWays++;
        continue;
      }
      stats.cutWays++;
      parts[refsAt] = `N${kept.join(',')}`;
      ways.add(parts[0].slice(1));
      out.push(parts.join(' '));
    } else if (line.startsWith('r')) {
      const parts = line.split(' ');
      const membersAt = parts.indexOf(field(parts, 'M'));
      const members = parts[membersAt].slice(1).split(',').filter(Boolean);
      // Relations inside relations are kept only if their own line survives; tilemaker
      // reads member relations lazily, so dropping the reference is the safe side.
      const kept = members.filter((m) => (m[0] === 'n' ? nodes.has(m.slice(1, m.indexOf('@'))) : m[0] === 'w' && ways.has(m.slice(1, m.indexOf('@')))));
      stats.droppedMembers += members.length - kept.length;
      if (!kept.length) {
        stats.droppedRelations++;
        continue;
      }
      parts[membersAt] = `M${kept.join(',')}`;
      out.push(parts.join(' '));
    } else if (line) out.push(line);
  }
  writeFileSync(oplFile, out.join('\n') + '\n');
  execFileSync('osmium', ['cat', '--overwrite', '-F', 'opl', '-o', output, oplFile], { stdio: 'ignore' });
  return stats;
}
