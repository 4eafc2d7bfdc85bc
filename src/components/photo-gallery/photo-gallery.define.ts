import { defineElement } from '../../shared/define.js';
import { WirePhotoGallery } from './photo-gallery.js';

defineElement('wire-photo-gallery', WirePhotoGallery);

export { WirePhotoGallery };
