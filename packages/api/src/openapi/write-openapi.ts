import { writeFile } from 'node:fs/promises';
import { OPENAPI_PATH, openApiDocumentText } from './openapi-document.js';

// `npm run openapi`: regenerates docs/openapi.json from the route schemas (run from the repository root).
await writeFile(OPENAPI_PATH, await openApiDocumentText());
process.stdout.write(`wrote ${OPENAPI_PATH}\n`);
