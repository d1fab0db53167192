/**
 * The committed crisis model (./crisis-model.json, written by `npm run train:crisis`), decoded once
 * per process and applied to raw patient messages.
 */
import artifact from "./crisis-model.json";
import { categoryScores, type ClassifierResult, type CrisisModelArtifact, type LoadedModel, loadModel } from "./model";

let loaded: LoadedModel | null = null;
export function crisisModel(): LoadedModel {
  loaded ??= loadModel(artifact as CrisisModelArtifact);
  return loaded;
}

/** Scores of a raw patient message with the committed model. */
export function classifyMessage(raw: string): ClassifierResult {
  return categoryScores(crisisModel(), raw);
}
