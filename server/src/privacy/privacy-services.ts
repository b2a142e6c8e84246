/** What the privacy routes use: erasure, repair, the data export, settings and rebuild numbers. */
import type { BoardRepair } from './board-repair.js';
import type { Erasure } from './erasure.js';
import type { MyDataDeps } from './my-data.js';

export interface PrivacyServices {
  erasure: Erasure;
  repair: BoardRepair;
  myData: MyDataDeps;
}
