/**
 * Angle classification (accurate profile): lines the 0/180 degree classifier finds upside down
 * with enough certainty are turned before recognition.
 */
import { batchTensor, turnCrop, type Crop, type RunModel } from './recognize';
import { warpCrop, type Normalisation, type RgbImage } from '../image';

export interface ClassifierSpec {
  height: number;
  width: number;
  normalisation: Normalisation;
  /** Probability of "rotated" above which a line is turned. */
  threshold: number;
  batchSize: number;
}

export async function orientCrops(image: RgbImage, crops: readonly Crop[], run: RunModel, spec: ClassifierSpec): Promise<Crop[]> {
  const out = [...crops];
  for (let start = 0; start < crops.length; start += spec.batchSize) {
    const batch = crops.slice(start, start + spec.batchSize);
    const patches = batch.map((c) => {
      const w = Math.min(spec.width, Math.max(1, Math.round((spec.height * c.geometry.width) / Math.max(1, c.geometry.height))));
      return warpCrop(image, c.geometry, w, spec.height);
    });
    const result = await run(batchTensor(patches, spec.width, spec.height, spec.normalisation));
    const classes = result.dims[1]!;
    batch.forEach((crop, i) => {
      if (result.data[i * classes + 1]! > spec.threshold) out[start + i] = turnCrop(crop);
    });
  }
  return out;
}
