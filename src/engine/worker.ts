// The engine worker's entry: the engine service on the browser host, exposed through
// Comlink. Everything it does lives in src/engine/service/, which Node tests reach.
import * as Comlink from 'comlink';
import { browserPlatform } from './platform-browser';
import { createEngineService } from './service/engine-service';
import { wireOf } from './service/wire';
import { sendFailuresAsCodes } from './failure-wire';

sendFailuresAsCodes();
Comlink.expose(wireOf(createEngineService(({ baseUrl }) => browserPlatform(baseUrl))));
