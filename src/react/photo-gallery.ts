import * as React from 'react';
import { createComponent } from '@lit/react';
import { WirePhotoGallery as WirePhotoGalleryElement } from '../components/photo-gallery/photo-gallery.define.js';
import { feedEvents, wireEvent } from './events.js';

/** `<wire-photo-gallery>`: a gallery with credits and a full-screen view. */
export const WirePhotoGallery = createComponent({
  react: React,
  tagName: 'wire-photo-gallery',
  elementClass: WirePhotoGalleryElement,
  events: {
    ...feedEvents,
    onWirePhotoChange: wireEvent('wire-photo-change'),
    onWireLightboxOpen: wireEvent('wire-lightbox-open'),
    onWireLightboxClose: wireEvent('wire-lightbox-close'),
  },
  displayName: 'WirePhotoGallery',
});
