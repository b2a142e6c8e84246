/** What the privacy routes use: erasure, the data export, settings and rebuild numbers. */
import type { Erasure } from './erasure.js';
import type { MyDataDeps } from './my-data.js';

export interface PrivacyServices {
  erasure: Erasure;
  myData: MyDataDeps;
}
