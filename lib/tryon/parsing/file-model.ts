// Loads a TF.js graph model (model.json + its weight shards) from disk in Node, where tf.loadGraphModel cannot
// fetch file paths without tfjs-node: a small tf.io.IOHandler that reads the files itself.
import { readFile } from "node:fs/promises";
import path from "node:path";
import * as tf from "@tensorflow/tfjs";

interface ModelJson {
  modelTopology: object;
  weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
  format?: string;
  generatedBy?: string;
  convertedBy?: string | null;
  signature?: object;
  userDefinedMetadata?: { [key: string]: {} };
}

export function fileModelHandler(jsonFile: string): tf.io.IOHandler {
  return {
    async load() {
      const json = JSON.parse(await readFile(jsonFile, "utf8")) as ModelJson;
      const dir = path.dirname(jsonFile);
      const shards = await Promise.all(json.weightsManifest.flatMap((group) => group.paths).map((p) => readFile(path.join(dir, p))));
      const weightData = new Uint8Array(shards.reduce((n, s) => n + s.byteLength, 0));
      let offset = 0;
      for (const shard of shards) {
        weightData.set(shard, offset);
        offset += shard.byteLength;
      }
      return {
        modelTopology: json.modelTopology,
        weightSpecs: json.weightsManifest.flatMap((group) => group.weights),
        weightData: weightData.buffer,
        format: json.format,
        generatedBy: json.generatedBy,
        convertedBy: json.convertedBy ?? undefined,
        signature: json.signature,
        userDefinedMetadata: json.userDefinedMetadata,
      };
    },
  };
}

export function loadGraphModelFile(jsonFile: string): Promise<tf.GraphModel> {
  return tf.loadGraphModel(fileModelHandler(jsonFile));
}
