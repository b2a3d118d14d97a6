/**
 * The preload of Recibo's window (sandboxed, context-isolated): exposes `window.api` and nothing
 * else. Bundled to one CommonJS file (dist/main/app/preload.cjs), as sandboxed preloads must be.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createWindowApi } from './window-api';

contextBridge.exposeInMainWorld('api', createWindowApi(ipcRenderer, (file) => webUtils.getPathForFile(file as File)));
