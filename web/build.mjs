// Copy the dist files of Leaflet and Leaflet.markercluster from node_modules into the
// package's static/vendor folder, with their licence files. Run: cd web && npm install && npm run build
import { cpSync, mkdirSync, rmSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const vendor = join(here, "..", "src", "marsad", "web", "static", "vendor");
const copies = {
  leaflet: [
    ["dist/leaflet.js", "leaflet.js"],
    ["dist/leaflet.css", "leaflet.css"],
    ["dist/images", "images"],
    ["LICENSE", "LICENSE.txt"],
  ],
  "leaflet.markercluster": [
    ["dist/leaflet.markercluster.js", "leaflet.markercluster.js"],
    ["dist/MarkerCluster.css", "MarkerCluster.css"],
    ["dist/MarkerCluster.Default.css", "MarkerCluster.Default.css"],
    ["MIT-LICENCE.txt", "MIT-LICENCE.txt"],
  ],
};

for (const [pkg, files] of Object.entries(copies)) {
  const out = join(vendor, pkg);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  for (const [src, dst] of files) {
    const from = join(here, "node_modules", pkg, src);
    if (!existsSync(from)) throw new Error(`missing ${from}: run npm install first`);
    cpSync(from, join(out, dst), { recursive: true });
  }
  console.log(`copied ${pkg} -> ${out}`);
}
