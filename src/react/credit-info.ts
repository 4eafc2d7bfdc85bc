import * as React from 'react';
import { createComponent } from '@lit/react';
import { WireCreditInfo as WireCreditInfoElement } from '../components/credit-info/credit-info.define.js';

/** `<wire-credit-info>`: the credit popover of one photo (it fires no events). */
export const WireCreditInfo = createComponent({
  react: React,
  tagName: 'wire-credit-info',
  elementClass: WireCreditInfoElement,
  displayName: 'WireCreditInfo',
});
