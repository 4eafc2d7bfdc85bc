// The Angular snippet of docs/frameworks.md, compiled with strict template checking by `npm run test:types`.
import { Component, CUSTOM_ELEMENTS_SCHEMA } from '@angular/core';
import { Router } from '@angular/router';
import type { CardClickDetail } from 'wire-widgets';
import 'wire-widgets/define.js';

@Component({
  selector: 'app-story',
  standalone: true,
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <wire-feed src="/feed.json">
      <wire-article-card
        item="story-1"
        layout="hero"
        [attr.heading-level]="level"
        (wire-card-click)="follow($event)"
      ></wire-article-card>
      <wire-related-story related-to="story-1" limit="4"></wire-related-story>
    </wire-feed>
  `,
})
export class StoryComponent {
  level = 2;
  constructor(private router: Router) {}

  follow(event: Event) {
    const { url } = (event as CustomEvent<CardClickDetail>).detail;
    if (url.startsWith('/')) {
      event.preventDefault(); // the app routes instead of a full page load
      this.router.navigateByUrl(url);
    }
  }
}
