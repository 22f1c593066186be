// Save bytes the engine made as a file, through the app's one download helper.
import { download } from '../export/download';

export function downloadBytes(bytes: Uint8Array, fileName: string, type: string): void {
  download(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }), fileName);
}
