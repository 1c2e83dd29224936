// `npm run lint`, second half: the layer rules of .dependency-cruiser.cjs over every folder.
//
// Through dependency-cruiser's API, not its `depcruise` command: dependency-cruiser 18's
// command refuses Node 20 (its engines say ^22||^24||>=26), which this project still runs on
// (package.json engines: >=20.19); the API itself works there. On Node 22 this is the same as
//   depcruise server resolvers domain … --config .dependency-cruiser.cjs --output-type err
import { cruise } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

const FOLDERS = ['server', 'resolvers', 'domain', 'permissions', 'lib', 'schema', 'entities', 'migrations', 'seed', 'bench', 'client', 'explorer', 'tests'];

const options = await extractDepcruiseOptions('./.dependency-cruiser.cjs');
const tsConfig = extractTSConfig(options.tsConfig.fileName);
const result = await cruise(FOLDERS, { ...options, outputType: 'err' }, {}, { tsConfig });
process.stdout.write(result.output);
process.exitCode = result.exitCode;
