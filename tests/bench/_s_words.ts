import "../harness/server-only-shim";
import { libraryVocabulary } from "./seed";
const common = libraryVocabulary().slice(0, 40).filter((w) => w.length >= 6);
console.log(JSON.stringify(common));
