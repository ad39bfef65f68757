/**
 * The staff pages' script (served from /assets like the reporter's; no inline script). Everything works
 * without it; it ticks the queue's deadline counters every 15 s and refreshes the queue every 30 s by
 * fetching `?partial=1` (counting from the server's clock, `data-now`, not the browser's) and swapping the `#queue-live` block, so nobody has to reload. Words come from
 * data-* attributes written from the catalogue.
 */
export const staffScript = String.raw`(function(){
"use strict";
var live=document.getElementById("queue-live");if(!live)return;
function fmt(ms,h,m){var t=Math.max(0,Math.floor(Math.abs(ms)/60000)),hh=Math.floor(t/60),mm=t%60;return hh>0?hh+h+" "+mm+m:mm+m}
function tick(){var box=document.getElementById("queue-live");if(!box)return;
 var d=box.dataset,now=Date.now()+skew;
 Array.prototype.forEach.call(box.querySelectorAll("[data-due]"),function(el){
  var left=Number(el.getAttribute("data-due"))-now,over=left<0&&el.hasAttribute("data-can-overdue");
  el.textContent=(over?d.overdue:d.dueIn).replace("{d}",fmt(left,d.h,d.m));
  el.classList.toggle("overdue",over);
 });}
function refresh(){var url=new URL(location.href);url.searchParams.set("partial","1");
 fetch(url.toString(),{credentials:"same-origin",headers:{accept:"text/html"}}).then(function(r){
  if(!r.ok||r.redirected)return null;return r.text()}).then(function(html){
  if(!html)return;var doc=new DOMParser().parseFromString(html,"text/html");var fresh=doc.getElementById("queue-live");
  var old=document.getElementById("queue-live");if(fresh&&old){old.replaceWith(document.importNode(fresh,true));sync();tick()}
 }).catch(function(){});}
var skew=0;function sync(){var b=document.getElementById("queue-live");if(b&&b.dataset.now)skew=Number(b.dataset.now)-Date.now()}
sync();tick();setInterval(tick,15000);setInterval(refresh,30000);
})();
`
