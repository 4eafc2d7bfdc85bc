import { defineElement } from '../../shared/define.js';
import { WireCreditInfo } from './credit-info.js';

defineElement('wire-credit-info', WireCreditInfo);

export { WireCreditInfo };
