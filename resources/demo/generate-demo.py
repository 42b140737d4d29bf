#!/usr/bin/env python3
"""Generate the bundled Frontline demo workspace ("Lumen Home Support").

Standard library only and fully deterministic (seeded RNG, no clock):

    python3 resources/demo/generate-demo.py > resources/demo/workspace.json

(add --stats to print a summary of the generated workspace on stderr).

Every time in the output is an integer number of seconds relative to "now"
(negative = in the past); the app adds them to the current time when it loads
the demo, so the workspace always looks fresh.

The realism lives in the hand-written scenario bank below (English, Turkish,
Persian).  Each scenario is a conversation script:

    first  - the customer's first message (or a list of variants)
    steps  - what may follow, as (token, text[, attachment]) tuples:
               "A"   public agent reply
               "A?"  agent reply that waits on the customer   -> pending
               "A!"  agent reply that resolves the issue       -> solved
               "C"   customer message                          -> open
               "N"   internal note                             -> open
               "N!"  internal note that resolves (api tickets) -> solved
               "H"   internal note putting the ticket on hold  -> on-hold
             a trailing "+" (e.g. "C+") marks a step that happens a day or
             more after the previous one
The builder cuts each script at a point consistent with the ticket's status.

Placeholders in texts: {first} {last} {name} {hon} {email} {order} {order2}
{track} {trace} {rma} {ref} {card} {code} {org} {vat} {taxoffice} {natid}
{econ} {acctemail} {addr} {mate} {mkt} {handle} {sn} {amt:NUMBER}.  In Persian
texts "_" stands for ZERO WIDTH NON-JOINER.
"""

import html
import json
import re
import random
import sys

SEED = 20261123
R = random.Random(SEED)

MIN, HOUR, DAY = 60, 3600, 86400
ZWNJ = "\u200c"

SCENARIOS = []
STEP_TOKENS = ("A", "A?", "A!", "C", "N", "N!", "H")
# a trailing "+" on a token means "a day or more later" (e.g. "C+": the
# customer writes back after trying something overnight)


def _z(lang, s):
    if s is None or lang != "fa":
        return s
    return s.replace("_", ZWNJ)


def sc(lang, kind, key, subj, first, steps=(), tags=(), topic="general",
       prio="normal", need=None, att=None, said=None, raw=False, market=None):
    """Register one scenario.

    kind:  email (also used for web forms), chat, phone, social, market, api
    need:  None, "sub" (paid plan), "biz" (customer with an organisation)
    att:   attachment kind on the first customer message
    said:  phone only: the customer's own words, stored as an inbound reply
    raw:   first message is complete as written (no greeting / sign-off added)
    """
    if isinstance(subj, str):
        subj = [subj]
    if isinstance(first, str):
        first = [first]
    norm = []
    for st in steps:
        tok, text = st[0], st[1]
        later = tok.endswith("+")
        tok = tok.rstrip("+")
        assert tok in STEP_TOKENS, (key, tok)
        norm.append((tok, _z(lang, text), st[2] if len(st) > 2 else None, later))
    SCENARIOS.append(dict(
        lang=lang, kind=kind, key=lang + ":" + key,
        subj=[_z(lang, s) for s in subj], first=[_z(lang, f) for f in first],
        steps=norm, tags=list(tags), topic=topic, prio=prio, need=need,
        att=att, said=_z(lang, said), raw=raw, market=market))


# =====================================================================
# English scenario bank
# =====================================================================
L = "en"

# ---------------------------------------------------------------- email / web
sc(L, "email", "wismo_stuck", topic="orders", tags=["shipping", "wismo"],
   subj=["Where is my order?", "Order {order} - tracking not updating", "Still waiting for my delivery"],
   first=["I placed order {order} almost two weeks ago and the tracking page still says \"Label created\". Nothing has moved since. At checkout it said 3-5 business days. Can someone tell me what's going on? It's a birthday present so I'm on a bit of a deadline.",
          "hey, my order {order} was supposed to arrive friday and its still not here. tracking hasnt updated in 4 days?? can you check whats going on"],
   steps=[
    ("A?", "I'm sorry the tracking has been stuck, that's not the experience we want you to have. I checked with our warehouse: your parcel was handed to UPS, but it never got its first scan, which usually means it's sitting in a trailer waiting to be processed.\n\nI've opened a trace with UPS (reference {trace}) and they normally come back within 24 hours. If you'd rather not wait, I can ship a replacement today with express delivery. Just let me know which you prefer."),
    ("H", "UPS trace {trace} opened for {order}. Waiting on the carrier, ETA 24h. Customer knows."),
    ("C", "Please just send a replacement, I can't risk it arriving late. Thanks for the quick answer though."),
    ("N", "@{mate} replacement for {order} approved on my side, can you push it as express in the warehouse portal? Original parcel is still under UPS trace."),
    ("A!", "Done! A replacement is on its way with express shipping, tracking number {track}. It should be with you within 2 business days. If the original parcel turns up as well, just refuse it at the door (or keep it sealed) and we'll send you a free return label.\n\nHappy early birthday to whoever is getting it!"),
   ])

sc(L, "email", "delivered_not_here", topic="orders", tags=["shipping", "lost-parcel"], prio="high", att="screenshot",
   subj=["Package marked delivered but I never got it", "Tracking says delivered - nothing here"],
   first=["UPS says my order {order} was delivered yesterday at 2:14pm and \"left at front door\". There is nothing at my front door. I checked with the neighbours and the building office. This is a {amt:349} robot vacuum, I'm not thrilled about it being left outside in the first place. What happens now?"],
   steps=[
    ("A?", "I'm really sorry, that's a horrible message to get when nothing's there. Thank you for already checking with your neighbours and the building office, that saves a step.\n\nThe driver's GPS scan puts the delivery about 300 m from your address, so I think it went to the wrong door. I've filed a claim with UPS. Could you confirm the delivery address on the order is still correct, including the unit number? As soon as I have that I can send a replacement without waiting for the claim."),
    ("C", "Yes the address is right, unit 4B. Nobody around here has it."),
    ("N", "Replacement Sweep S2 going out with signature required. UPS claim {trace} filed. @{mate} fyi in case UPS calls back while I'm off."),
    ("A!", "Thanks for confirming. I've shipped a replacement Sweep S2 with signature required this time, so it can't be left at the door. Tracking: {track}. You don't need to do anything about the UPS claim, we'll handle that with them.\n\nSorry again for the hassle."),
   ])

sc(L, "email", "damaged_purifier", topic="returns", tags=["damaged", "replacement"], att="photo2",
   subj=["Air purifier arrived damaged", "Cracked front panel on Air 300"],
   first=["My Lumen Air 300 (order {order}) arrived today and the front panel is cracked right across. The box had a big dent on one corner so I guess it was dropped in transit. The unit turns on but rattles when the fan spins up. Photos attached. I'd like a replacement please, not a refund."],
   steps=[
    ("A!", "Thank you for the photos, they make it very clear. I'm sorry it arrived like that.\n\nI've arranged a replacement Air 300. It ships today from our warehouse and the tracking number is {track}. The courier will collect the damaged unit when they drop off the new one, so please keep it by the door in any box you have (it doesn't need to be the original packaging).\n\nYou don't need to print anything, the driver brings the label."),
    ("C", "Great, thank you. Will the driver take it even if I'm not home? I work until 6."),
    ("A!", "Good question. The collection needs a handover, so if you're not home the driver will leave a card and try again the next business day. You can also pick a time slot with the link in the UPS email. The replacement itself can be left with a neighbour if you allow that in the UPS app."),
   ])

sc(L, "email", "wrong_bulbs", topic="returns", tags=["wrong-item"], att="photo",
   subj=["Wrong bulbs sent", "Received E14 bulbs instead of E27"],
   first=["I ordered the Lumen Glow 4-pack with the E27 base (order {order}) but the box that came has E14 bulbs in it. The outer label says E27 but the bulbs inside are definitely the small screw type. They don't fit any of my lamps. Can you send the right ones?"],
   steps=[
    ("A?", "Oh no, thanks for catching that, and sorry for the mix-up. It sounds like the pack was mislabeled at the factory, which we've seen once or twice with this batch.\n\nI'll send the correct E27 pack today. Could you check the small sticker on the bottom of the box and tell me the batch code (it starts with GL-)? That helps us find any other mislabeled packs before they go out."),
    ("C", "Batch code is GL-2291-B. Thanks!"),
    ("N", "Batch GL-2291-B, second mislabeled pack this month. @{mate} can you ask the warehouse to check the remaining stock of that batch?"),
    ("A!", "Perfect, thank you. The correct E27 pack is on its way, tracking {track}. Please keep the E14 bulbs, there's no need to send them back. Maybe they fit a bedside lamp somewhere :)"),
   ])

sc(L, "email", "return_speaker", topic="returns", tags=["return"],
   subj=["Return request", "How do I return the speaker?", "Want to return order {order}"],
   first=["I bought the Lumen Sound One a couple of weeks ago (order {order}) and honestly it's just not loud enough for our living room. It works fine, it's not broken, I just want to return it. What's the process? Do I need the original box? I think I still have it somewhere."],
   steps=[
    ("A!", "Totally understand, and you're well within the 30-day return window.\n\nI've created a prepaid return label for you: https://lumenhome.example/returns/{rma}\n\nPrint it, stick it on the box and drop it at any UPS Access Point. The original packaging is nice to have but not required, any sturdy box works. Your refund of {amt:149} goes back to the original payment method within 3-5 business days after the parcel reaches our warehouse.\n\nIf you'd like something with more volume, the Sound Max is a lot punchier. Happy to help if you'd rather swap instead."),
    ("C+", "Thanks, dropped it off this morning. How will I know when the refund is done?"),
    ("A!", "Thanks for letting me know! I can see the first scan already. You'll get an email from us the moment the refund is processed, and I'll keep an eye on it too."),
   ])

sc(L, "email", "refund_missing", topic="returns", tags=["refund"], prio="high", raw=True,
   subj=["Refund not received", "Where is my refund?", "Still no refund for my return"],
   first=["I returned the headphones from order {order} over two weeks ago. UPS shows it was delivered to your warehouse 12 days ago. I still haven't seen any refund on my card and nobody has emailed me. This is getting ridiculous, I've been a customer for years.",
          "Hello,\n\nMy return for order {order} arrived at your warehouse almost two weeks ago according to the tracking, but the refund still hasn't been issued. Could you please check what's holding it up?\n\nThank you,\n{first}"],
   steps=[
    ("A", "You're right to chase this, and I'm sorry nobody updated you. I looked into it: your return arrived at our warehouse 12 days ago but got stuck in the inspection queue, which shouldn't take more than 2 days. That's on us.\n\nI've pushed it through now and issued the refund of {amt:89.99} to your card ending in {card}. Banks usually show it within 3-5 business days."),
    ("C", "ok thanks. will keep an eye on it."),
    ("N", "Return inspection backlog again, 3rd one this week. @{mate} fyi, maybe worth raising with the warehouse lead."),
    ("A!+", "Just checking in: the refund shows as settled on our side, so it should be visible on your statement by now. If it isn't, let me know and I'll send you the bank reference number."),
   ])

sc(L, "email", "warranty_vacuum", topic="technical", tags=["warranty", "sweep-s2"],
   subj=["Sweep S2 won't charge anymore", "Warranty claim - robot vacuum not charging"],
   first=["Our Sweep S2 (bought about 8 months ago, order {order}) stopped charging. When it's on the dock the light blinks orange for a few seconds and then goes off. I've cleaned the contacts on the dock and on the robot and tried a different outlet, same thing. Is this covered by warranty?"],
   steps=[
    ("A?", "Thanks for already trying the obvious stuff, that really helps. Yes, this is covered: the Sweep S2 has a 2-year warranty and what you describe sounds like a battery or charging board fault.\n\nTo get the replacement going I just need two things:\n1. The serial number (sticker under the dustbin, starts with SW2-)\n2. A short video of the dock light when you put the robot on it\n\nYou can reply to this email with both."),
    ("C", "Serial is SW2-{sn}. Video attached.", "video"),
    ("N", "Blinking orange + no charge = known battery fault on the K88 batch. @{mate} can you approve an advance replacement? Customer has been patient."),
    ("A!", "Thank you! The video confirms it's the battery. I've approved an advance replacement, so you'll get a new robot before sending the old one back. It ships tomorrow, tracking {track}. Use the same box to send the old one back with the enclosed label within 14 days.\n\nYour maps won't carry over automatically, but when you sign in with the same account the app will offer to copy them to the new robot."),
   ])

sc(L, "email", "vat_invoice", topic="billing", tags=["invoice", "vat"], need="biz", raw=True,
   subj=["Invoice needs our VAT number", "Corrected invoice for {order}", "VAT invoice request"],
   first=["Hello,\n\nWe purchased 6 Lumen Cam Mini for our office (order {order}) but the invoice was issued to my name instead of the company. Could you please reissue it to:\n\n{org}\nVAT number: {vat}\n\nOur accounts team can't process it otherwise. Thanks in advance.\n\n{name}"],
   steps=[
    ("A!", "Of course. I've reissued the invoice for order {order} to {org} with VAT number {vat}. The corrected PDF is attached and also available under Orders in your account. The old invoice has been voided, so there's no risk of it being booked twice.\n\nFor future orders you can add the company details under Account > Billing and they'll be used automatically.", "pdf:Invoice_{order}.pdf"),
    ("C", "Thanks, that's exactly what we needed. One more thing: can we get invoices sent to our accounts team instead of my email?"),
    ("A!", "Sure, I've added {acctemail} as the billing contact on your account, so invoices will go there from now on. You'll still get the order and shipping updates yourself."),
   ])

sc(L, "email", "double_charge_plus", topic="billing", tags=["billing", "double-charge"], need="sub", prio="high",
   subj=["Charged twice for Plus", "Double charge on my card!!", "Duplicate payment for subscription"],
   first=["I was just charged twice for my Lumen Plus renewal, two separate {amt:99.99} charges on the same day, same card. I only have one account. Please refund the duplicate ASAP, that money was for rent.",
          "Checked my bank app this morning and there are 2 charges from Lumen Home for {amt:99.99} each. I have ONE subscription. Fix this please."],
   steps=[
    ("N", "Stripe shows two successful charges 41s apart, looks like the retry bug from Tuesday's deploy. @{mate} can you confirm it's the same incident?"),
    ("A!", "I'm so sorry about this. You're right, our billing system charged your card twice because of a retry error on our side. I've refunded the duplicate {amt:99.99} just now (refund reference {ref}).\n\nDepending on your bank, it may show as a pending reversal within a few hours or take up to 5 business days to land. If your bank charges you any fee because of this, send me the statement and we'll cover it."),
   ])

sc(L, "email", "cancel_plus", topic="billing", tags=["subscription", "cancellation"], need="sub",
   subj=["Cancel my subscription", "How do I cancel Lumen Plus?", "Please cancel auto-renewal"],
   first=["I'd like to cancel my Lumen Plus subscription. We moved and took the cameras down, so we don't need cloud recording anymore. I couldn't find a cancel button in the app, only \"Manage plan\" which just shows the upgrade options. Also, the plan renewed 4 days ago, can I get that refunded?"],
   steps=[
    ("A!", "Sorry to see you go, and thanks for telling us why. I've cancelled the Plus subscription on your account and refunded this month's renewal ({amt:9.99}) in full, since it renewed only a few days ago.\n\nYour recordings stay available until the end of the current period, so if you want to download any clips, now's a good time (Camera > History > Download).\n\nAbout the button: you're right that it's hard to find. It's at the very bottom of Manage plan, under \"Other options\". I've passed that feedback on to our app team."),
   ])

sc(L, "email", "upgrade_business", topic="billing", tags=["subscription", "upgrade", "sales"], need="sub",
   subj=["Upgrade to Business plan?", "Question about Business plan for 3 locations"],
   first=["We're on Plus right now with 4 cameras at our shop. We're opening two more locations this spring and I'd like to manage all of them from one account, with my shift managers having their own logins. Is that what the Business plan does? And if I upgrade mid-cycle, do I pay twice?"],
   steps=[
    ("A?", "Congratulations on the new locations! Yes, that's exactly what Business is for: multiple sites under one account, separate logins for staff with their own permissions (for example, shift managers can see live view but not delete recordings), and VAT invoices.\n\nIf you upgrade mid-cycle you don't pay twice: the unused part of your Plus plan is credited against the first Business invoice. Would you like me to switch you over now, or would you prefer to start when the first new location opens?"),
    ("C", "Let's do it now so I can set things up before we open. Go ahead."),
    ("A!", "Done, you're on Business now. Your Plus credit of {amt:18.40} was applied, so today's charge was only the difference. Under Settings > Sites you can add the new locations, and under Team you can invite your managers by email.\n\nIf you like, I can set up a 20-minute call to walk you through the team permissions."),
   ])

sc(L, "email", "password_reset", topic="account", tags=["login", "password"],
   subj=["Password reset email never arrives", "Can't reset my password", "Reset link not working"],
   first=["I've tried to reset my password 3 times now and the email never shows up. Checked spam, promotions, everything. Email is {email}. I'm locked out of the app and can't see my cameras.",
          "forgot my password and the reset email isnt coming. tried like 5 times. pls help, i need to check my cameras"],
   steps=[
    ("A?", "Sorry about that, being locked out of your cameras is stressful. I checked our email logs and the reset messages were rejected by your mail provider as suspected spam (it happens sometimes with new sending servers on our side).\n\nI've just sent a fresh reset link from our other mail route. It's valid for 30 minutes. Could you check if it arrived?"),
    ("C", "Got it this time, I'm back in. Thanks!"),
    ("A!", "Great to hear! If it ever happens again, you can also sign in with a one-time code by text from the login screen (\"Sign in another way\"). Have a good day."),
   ])

sc(L, "email", "twofa_lockout", topic="account", tags=["login", "2fa"], prio="high",
   subj=["Locked out - lost phone with authenticator", "2FA lockout, new phone", "URGENT can't log in, 2FA"],
   first=["My phone was stolen over the weekend and the authenticator app was on it. Now I can't log in to my Lumen account because it asks for the 2FA code. I don't have the backup codes (didn't know I needed to save them). My cameras are the only security I have at the shop so I really need access back today."],
   steps=[
    ("A?", "I'm really sorry about your phone, and I understand why this is urgent. We can remove two-factor authentication from your account once we've confirmed it's really you, so nobody else can use this route.\n\nPlease reply with:\n- the last 4 digits of the card on the account\n- the serial number of one of your cameras (on the back of the device or on the box)\n- roughly when your most recent order was placed\n\nAs soon as I have those, I'll reset it. It only takes a minute on our side."),
    ("C", "card ends {card}, camera serial CM-{sn}, last order was {order} maybe 2 months ago?"),
    ("N", "Identity verified (card, serial and order all match). Removing 2FA. @{mate} fyi in case they call in."),
    ("A!", "Thank you, everything matches. I've removed two-factor authentication, so you can sign in with just your password now. Once you're in, please turn 2FA back on under Account > Security with your new phone, and save the backup codes somewhere safe this time (a password manager works well).\n\nI also signed out all other devices on your account in case the stolen phone was still logged in."),
   ])

sc(L, "email", "android_crash", topic="technical", tags=["bug", "android", "app"], att="log",
   subj=["App crashes when opening live view", "Android app crash after update 4.12", "Bug: live view crash on Pixel 7"],
   first=["Since the 4.12 update the app crashes every time I open live view on any camera.\n\nSteps:\n1. Open the app\n2. Tap \"Front door\" camera\n3. Spinner shows for 2 sec, then the app closes\n\nPhone: Pixel 7, Android 14. I've reinstalled and cleared the cache, same thing. Recordings in History still play fine, it's only live view. Log file attached in case it helps."],
   steps=[
    ("N", "Crash log shows an NPE in LiveSessionManager.attachSurface, same stack as APP-3318. @{mate} is there an ETA for the hotfix?"),
    ("A?", "Thank you for the clear steps and the log, that's exactly what our developers need. This is a known bug in 4.12 that affects some Android 14 phones. A fix (4.12.1) is in testing right now and should be on Google Play within a few days.\n\nIn the meantime, a workaround that works for most people: go to Settings > Video > Live view quality and switch it from \"Auto\" to \"HD\". Could you try that and let me know if live view opens?"),
    ("C", "Switching to HD works! Thanks. Will wait for the update."),
    ("A!", "Brilliant, glad that gets you going. 4.12.1 is rolling out on Google Play as of this morning. Once you've updated you can switch back to Auto if you like. Thanks again for the detailed report!"),
   ])

sc(L, "email", "ios_notifications", topic="technical", tags=["bug", "ios", "doorbell"], att="screenshot",
   subj=["Doorbell notifications 30+ seconds late", "Notifications delayed on iPhone"],
   first=["When someone rings the Doorbell Pro, the notification on my iPhone shows up 30-60 seconds later. By then the courier is usually gone. My wife's Android phone gets it instantly. iPhone 14, iOS 17.5, app 4.12. Notifications are set to Time Sensitive. Any ideas?"],
   steps=[
    ("A?", "Thanks for the detail, that helps narrow it down. Since the Android phone gets it instantly, the doorbell and your Wi-Fi are fine, so it's something between Apple's push service and the iPhone.\n\nCould you try these and tell me what changes?\n1. Settings > Lumen > Notifications: make sure \"Immediate Delivery\" is selected, not \"Scheduled Summary\"\n2. Turn off Low Power Mode if it's on\n3. In the Lumen app: Settings > Notifications > tap \"Re-register this device\"\n\nThe third one refreshes the push token, which fixes this in most cases."),
    ("C", "It was on Scheduled Summary!! No idea how that happened. Instant now. Thanks"),
    ("A!", "Ha, that one catches a lot of people, iOS sometimes switches it after an update. Glad it's sorted, enjoy catching the courier :)"),
   ])

sc(L, "email", "feature_room_schedule", topic="general", tags=["feature-request", "sweep-s2"], prio="low",
   subj=["Feature request: room-by-room cleaning schedule", "Suggestion for the vacuum app"],
   first=["Love the Sweep S2, but I'd really like to set different schedules per room. Kitchen every day, bedrooms twice a week. Right now I can only schedule the whole map or nothing. Is this planned?"],
   steps=[
    ("A!", "Thanks for taking the time to write this up! You're not the only one asking, so I've added your vote to the request for per-room schedules. I can't promise a date, but it's on the roadmap for the next big map update.\n\nIn the meantime, a small workaround: you can create two schedules that use \"Clean selected rooms\": a daily one with only the kitchen, and one on Tuesdays and Fridays with the bedrooms. It's a bit hidden under Schedule > Add > Rooms."),
   ])

sc(L, "email", "feature_homekit", topic="general", tags=["feature-request", "smart-home"], prio="low",
   subj=["Please add HomeKit support", "Glow bulbs in Apple Home?"],
   first=["Any plans to add Apple HomeKit support for the Glow bulbs? I have everything else in the Home app and it's annoying to switch apps just for the lights."],
   steps=[
    ("A!", "Thanks for asking, and I totally get it, one app for everything is the dream. Matter support for the Glow bulbs is coming with a firmware update, and through Matter they'll show up in Apple Home. We don't have a public date yet, but I've added you to the list of people we'll email when it's out."),
    ("C", "Great, thanks. Any rough idea? Weeks? Months?"),
    ("A!", "I wish I could be more precise. What I can say is that it's in beta testing now, so we're talking months rather than a year. You'll hear from us the day it's released."),
   ])

sc(L, "email", "bulk_office", topic="orders", tags=["sales", "bulk-order", "b2b"], need="biz", raw=True,
   subj=["Quote for 40 smart plugs + 12 cameras", "Bulk order for new office", "Business pricing?"],
   first=["Hi there,\n\nI manage facilities for {org}. We're fitting out a new office and would like a quote for:\n- 40x Lumen Plug\n- 12x Lumen Cam Mini\n- 2x Lumen Hub\n\nDelivery to one address, ideally within 3 weeks. Do you offer volume pricing, and can we pay by bank transfer on invoice (net 30)?\n\nBest,\n{name}"],
   steps=[
    ("N", "Volume order, about {amt:3400} at list price. @{mate} can you approve a 12% volume discount + net 30? Existing Business plan customer."),
    ("A?", "Thank you for thinking of us for the new office! I've attached a quote with a 12% volume discount on the full order. Delivery within 3 weeks is no problem, everything is in stock in our central warehouse.\n\nAs an existing Business customer you can pay by bank transfer on net 30 terms. To confirm, just reply with a PO number (if you use them) plus the delivery address and contact person.", "pdf:Quote_{ref}.pdf"),
    ("C", "Thanks! PO is PO-88213. Delivery to our new office, reception, attn. facilities. Address is the same as on the account."),
    ("A!", "Perfect, the order is confirmed as {order2} and scheduled to ship next Tuesday. You'll get tracking for all 5 parcels as soon as they're picked up. The invoice with net 30 terms goes to your billing contact today."),
   ])

sc(L, "email", "address_change", topic="orders", tags=["address-change"],
   subj=["Change delivery address", "Wrong address on order {order}!", "Can I change my shipping address?"],
   first=["I just realised I sent order {order} to my old apartment. I moved last week! Can you change it to my new address before it ships? New address:\n\n{addr}"],
   steps=[
    ("A!", "Good catch, and congrats on the move! The order hadn't left the warehouse yet, so I've updated the delivery address to:\n\n{addr}\n\nYou'll get a new shipping confirmation when it's on its way, probably tomorrow morning. I'd also recommend updating the default address in your account so future orders go to the new place."),
   ])

sc(L, "email", "cancel_thermostat", topic="orders", tags=["cancellation", "therm"],
   subj=["Cancel order please", "Please cancel {order}"],
   first=["Please cancel order {order}. I ordered the wrong thermostat, I need the one that works without a C-wire. I'll place a new order for the right one once this is cancelled."],
   steps=[
    ("A!", "No problem, I caught it before it shipped, so order {order} is cancelled and the full {amt:179} will be back on your card within 3-5 business days.\n\nFor a setup without a C-wire you'll want the Lumen Therm with the Power Adapter kit, listed as \"Therm + PA\" on the site. If you're unsure about your wiring, send me a photo of the wires behind your current thermostat and I'll double-check before you order."),
    ("C", "Here's the photo of the wiring, just to be safe.", "photo"),
    ("A!", "Thanks! You have R, W, G and Y but no C, so yes, the Therm + PA kit is the right one. The adapter sits at the furnace, and the instructions in the box walk you through it step by step."),
   ])

sc(L, "email", "promo_code", topic="billing", tags=["promo"], prio="low", att="screenshot",
   subj=["Discount code not working", "WELCOME15 code invalid?"],
   first=["Trying to use the code WELCOME15 from your newsletter at checkout and it says \"This code is not valid for items in your cart\". I have the Air 300 in my cart. The email didn't say anything about exclusions??"],
   steps=[
    ("A!", "Sorry for the confusion. The newsletter code excludes products that are already on sale, and the Air 300 is currently reduced, which the email really should have said more clearly.\n\nTo make up for it, I've created a personal code for you: {code}. It takes an extra 10% off the sale price and it's valid for 7 days."),
    ("C", "Worked! Thank you, that's really nice of you."),
    ("A!", "You're welcome! Enjoy the cleaner air :)"),
   ])

sc(L, "email", "label_encoding", topic="orders", tags=["bug", "shipping-label"],
   subj=["Name shows as question marks in confirmation", "Recipient name broken on order {order}"],
   first=["I ordered a Doorbell Pro as a gift for my dad (order {order}). I typed his name in Persian for the delivery label, پرویز نادری, because that's how it's written on his mailbox. But the confirmation email shows \"????? ?????\" instead. Will the courier label look like that too? He lives in an apartment building and I'm worried it won't get to him."],
   steps=[
    ("N", "Label printer doesn't support Arabic script, Persian names get replaced by ?. Filed as SHOP-2210. @{mate} can we print a Latin transliteration on the label for this one?"),
    ("A?", "Thank you for flagging this, and sorry. You're right: our label printer can't print Persian script yet, so the label would show question marks. I've reported it as a bug.\n\nSo the parcel gets to your dad without trouble, could you give me his name in Latin letters as well? I'll put \"Parviz Naderi (پرویز نادری)\" on the delivery note inside the box and use the Latin spelling on the outside label."),
    ("C", "Parviz Naderi is right. Thanks for handling it personally!"),
    ("A!", "Done! The label now reads Parviz Naderi, and his name in Persian is on the delivery note. It ships today, tracking {track}. I hope he enjoys the doorbell!"),
   ])

sc(L, "email", "cam_offline", topic="technical", tags=["wifi", "cam-mini"],
   subj=["Cam Mini keeps going offline", "Camera disconnects several times a day"],
   first=["My Cam Mini goes offline several times a day, usually for 10-20 minutes, then comes back on its own. It's about 5 m from the router with no walls in between. Other devices are fine. Firmware is 2.8.4. Am I doing something wrong?"],
   steps=[
    ("A?", "You're not doing anything wrong. Short drops like that are usually caused by the router switching the camera between its 2.4 GHz and 5 GHz bands. The Cam Mini only supports 2.4 GHz, and routers with \"band steering\" or \"smart connect\" tend to push it around.\n\nCould you tell me which router you have? If it's a mesh system (Eero, Deco, Google Wifi...), the fix is slightly different."),
    ("C", "It's a TP-Link Deco X20, 3 units."),
    ("A?", "Thanks! With Deco, the camera sometimes jumps between units, which causes the drops. Two things to try:\n1. In the Deco app, open the camera under Clients and set \"Connection preference\" to the unit closest to it\n2. Turn off \"Fast Roaming\" under More > Advanced\n\nThen restart the camera (unplug it for 10 seconds). Let me know how it behaves over the next day."),
    ("C+", "24h now and not a single disconnect. You're a star."),
    ("A!", "Fantastic, that's great news! I'll mark this as solved, but if it starts dropping again just reply here and it'll come straight back to me."),
   ])

sc(L, "email", "doorbell_chime", topic="technical", tags=["doorbell", "installation"],
   subj=["Doorbell Pro doesn't ring the indoor chime", "Mechanical chime not working with Doorbell Pro"],
   first=["Installed the Doorbell Pro yesterday. The app works and the video is great, but our old mechanical chime inside doesn't ring anymore. It worked with the old button. I did connect the included chime kit as the manual says. Did I wire something wrong?"],
   steps=[
    ("A?", "Thanks for the clear description. The usual culprit is the transformer: the Doorbell Pro needs 16-24 V AC, and many older homes have a 10 V transformer. That's enough to power the doorbell, but not the doorbell and the chime together.\n\nCould you check the label on the transformer (usually near the fuse box or next to the chime) and tell me the voltage? In the meantime, in the app under Device settings > Chime, make sure \"Mechanical\" is selected."),
    ("C", "You were right, it says 8V 1A. And the app was set to None. I set it to Mechanical, now it rings but it sounds weak.", "photo"),
    ("A!", "That confirms it: 8 V is too low to ring the chime properly. Since this really isn't obvious from the box, I've sent you a 16 V transformer free of charge, tracking {track}. An electrician can swap it in a few minutes, and the chime should then ring at full strength."),
   ])

sc(L, "email", "gdpr_delete", topic="account", tags=["privacy", "gdpr"], raw=True,
   subj=["Delete my account and data", "GDPR deletion request"],
   first=["Please delete my Lumen account and all data you hold about me, including camera recordings and order history, under GDPR Article 17. Please confirm in writing when done.\n\n{name}"],
   steps=[
    ("A?", "Thank you for your request. Before we permanently delete your account, please note that this also deletes all recordings and device settings, and it can't be undone. Order records will be kept for the legally required period for tax reasons, but they will no longer be linked to a customer account.\n\nTo confirm the request is really from you, please reply with the last 4 digits of the payment card on the account. I'll process the deletion as soon as you confirm."),
    ("C", "Card ends in {card}. Proceed."),
    ("A!", "Thank you. Your account and all associated data have been deleted as of today. Order records that we must retain for tax purposes are stored separately and will be deleted automatically at the end of the retention period. This email is your written confirmation.\n\nIf you ever come back, you're always welcome."),
   ])

sc(L, "email", "renewal_failed", topic="billing", tags=["billing", "subscription"], need="sub",
   subj=["Payment failed for renewal?", "Why is my plan past due?"],
   first=["Got an email saying my Plus plan payment failed and my recordings will be paused in 3 days. My card is fine, I used it this morning. What's going on?"],
   steps=[
    ("A?", "Sorry for the scare. The card on your account expired last month, so the renewal bounced even though your replacement card (same number) works fine. Banks often issue a new expiry date and CVC with a replacement card.\n\nIf you update the card under Account > Billing > Payment method, we'll retry the payment immediately and nothing will be paused."),
    ("C", "Updated it. Still shows past due though."),
    ("A!", "Thanks! I've triggered the retry manually and it went through just now ({amt:9.99}). Your plan shows as active again and no recordings were paused. Sorry for the extra step."),
   ])

sc(L, "email", "missing_dock", topic="orders", tags=["missing-part", "sweep-s2"], att="photo",
   subj=["Charging dock missing from box", "Missing part - Sweep S2"],
   first=["Just unboxed my Sweep S2 (order {order}) and there's no charging dock in the box. The robot, side brushes and manual are there, but no dock and no power cable. Kind of hard to use a robot vacuum without charging it 😅"],
   steps=[
    ("A!", "Oh no, sorry! That's definitely not how it's meant to arrive. I've sent a dock and power cable by express, tracking {track}, so you should have them tomorrow or the day after.\n\nIn the meantime the robot comes with some charge, so you can already set it up in the app and let it map one room."),
   ])

sc(L, "email", "restock_air500", topic="orders", tags=["stock", "pre-sales"], prio="low",
   subj=["When will the Air 500 be back in stock?", "Air 500 restock?"],
   first=["Hi, the Air 500 has been out of stock for weeks. Is there any date? I'd rather not buy a different brand but my allergies are killing me."],
   steps=[
    ("A!", "Sorry about the wait, and I hope you feel better soon. The next Air 500 shipment is due at our warehouse in about 10 days. I've added you to the restock list, so you'll get an email as soon as you can order.\n\nIf you can't wait that long: the Air 300 uses the same HEPA filter and handles rooms up to 35 m², in case your room is that size or smaller."),
   ])

sc(L, "email", "therm_heatpump", topic="general", tags=["pre-sales", "therm"], prio="low",
   subj=["Will the Lumen Therm work with my heat pump?", "Pre-sales question: thermostat compatibility"],
   first=["Before I order: will the Lumen Therm work with a heat pump with auxiliary heat? My current thermostat has wires labeled R, C, Y, G, O/B and W2. Thanks!"],
   steps=[
    ("A!", "Great question to ask before ordering! Yes, the Lumen Therm supports heat pumps with auxiliary heat. With R, C, Y, G, O/B and W2 you have everything it needs, including a C-wire, so no power adapter is required.\n\nDuring setup the app asks whether your O/B wire energizes on cooling or heating. Most systems use \"cooling\", and you can change it later if heating and cooling seem reversed."),
   ])

# ---------------------------------------------------------------- chat
sc(L, "chat", "chat_eta", topic="orders", tags=["wismo"],
   subj=["Order status", "When will my order arrive?"],
   first=["hi, can you tell me when order {order} will arrive?"],
   steps=[
    ("A", "Hi {first}! Sure, let me check that for you, one moment."),
    ("A", "It shipped yesterday with UPS and is scheduled for delivery tomorrow by end of day. Tracking: {track}"),
    ("C", "perfect. can it be left with a neighbour if I'm out?"),
    ("A!", "Yes, you can choose that in the UPS link under \"Change delivery\". Anything else I can help with?"),
   ])

sc(L, "chat", "chat_code_after", topic="billing", tags=["promo"], prio="low",
   subj=["Forgot to add discount code"],
   first=["Hey, I placed an order an hour ago and forgot to use my 15% code. Can you still apply it?"],
   steps=[
    ("A?", "Hi {first}, no worries, that happens a lot! Can you give me the order number and the code?"),
    ("C", "{order} and the code is SPRING15"),
    ("A!", "Done! I've refunded the difference ({amt:22.50}) to your card, you'll see it in a few days. Anything else?"),
    ("C", "that's it, thanks so much"),
    ("A!", "My pleasure, have a great day!"),
   ])

sc(L, "chat", "chat_bulb_pair", topic="technical", tags=["pairing", "glow"],
   subj=["Bulb won't pair", "Glow bulb not found in app"],
   first=["my new glow bulb won't pair, app keeps saying \"device not found\""],
   steps=[
    ("A?", "Hi {first}, sorry about that! Could you switch the bulb off and on 5 times in a row, about 1 second each? It should start blinking fast."),
    ("C", "ok its blinking now"),
    ("A?", "Great! Now in the app tap + > Lights > Glow and keep your phone close to the bulb. Does it find it?"),
    ("C", "yes!! connected. thanks"),
    ("A!", "Awesome 🎉 Enjoy your new lights! Have a great evening."),
   ])

sc(L, "chat", "chat_downgrade", topic="billing", tags=["subscription", "downgrade"], need="sub",
   subj=["Switch plan", "Downgrade subscription"],
   first=["how do I go from Business back to Plus? we closed one of our shops"],
   steps=[
    ("A", "Hi {first}, sorry to hear about the shop. I can do that for you right now."),
    ("A?", "Just so you know: Plus covers one site, so the cameras at the closed location will be removed from the account. Recordings from them stay available for 30 days. Should I go ahead?"),
    ("C", "yes please"),
    ("A!", "All done. You're on Plus from your next billing date, and the difference for the rest of this month has been credited. Anything else I can do?"),
   ])

sc(L, "chat", "chat_return_window", topic="returns", tags=["return"],
   subj=["Return after 30 days?"],
   first=["hi, I bought a speaker 35 days ago and never opened it. can I still return it?"],
   steps=[
    ("A", "Hi {first}! Our standard window is 30 days, but let me take a look at your order."),
    ("A!", "Since it's unopened and only a few days past, I've made an exception and sent a return label to your email. Refund comes within 3-5 days after it reaches us."),
    ("C", "wow thank you, didn't expect that"),
    ("A!", "Happy to help! Have a lovely day."),
   ])

sc(L, "chat", "chat_login_google", topic="account", tags=["login"],
   subj=["Can't log in", "Invalid credentials"],
   first=["app says invalid credentials but I'm 100% sure my password is right"],
   steps=[
    ("A?", "Hi {first}, let me check your account. Did you maybe sign up with Google or Apple originally?"),
    ("C", "oh. maybe google actually"),
    ("A!", "That's it: your account was created with Google sign-in, so there's no separate password. Tap \"Continue with Google\" on the login screen and you'll be in."),
    ("C", "yep that worked lol. thanks"),
    ("A!", "No problem at all, it happens to everyone!"),
   ])

# ---------------------------------------------------------------- phone
sc(L, "phone", "phone_late_angry", topic="orders", tags=["shipping", "escalation"], prio="high",
   subj=["Phone call: delivery 6 days late", "Call - late delivery, customer upset"],
   first=["📞 Inbound call, 9 min\n\nCustomer called about order {order}, now 6 days late. Very frustrated: stayed home two days in a row for deliveries that never came. Tracking shows the parcel stuck at the DHL hub since Monday.\n\nAgreed: I chase DHL today and email an update before 5pm. Offered a refund of the shipping fee, accepted."],
   said="I've taken two days off work to wait for this delivery and nobody came. I don't want a voucher, I want to know where my parcel is.",
   steps=[
    ("H", "DHL case {trace} opened, waiting for the hub to locate the parcel."),
    ("A!", "Thank you for your patience on the phone earlier. As promised, here's the update: DHL found your parcel, it had been mis-sorted at the hub. It's out for delivery tomorrow morning, tracking {track}. I've also refunded the {amt:9.95} shipping fee, you'll see it on your card within a few days.\n\nAgain, I'm sorry about the two wasted days."),
   ])

sc(L, "phone", "phone_warranty", topic="technical", tags=["warranty"],
   subj=["Phone call: vacuum battery warranty"],
   first=["📞 Inbound call, 6 min\n\nSweep S2 battery drains after 15 min of cleaning (used to be 90+). Bought 11 months ago, order {order}. Robot firmware is current. Explained the warranty process, customer will email the serial number."],
   said="It just dies in the middle of the living room now. It's not even a year old.",
   steps=[
    ("A?", "Thanks for calling us today. As discussed, your Sweep S2 is covered by the 2-year warranty. Could you reply with the serial number (sticker under the dustbin, starts with SW2-)? As soon as I have it I'll send out a replacement battery."),
    ("C", "Here you go: SW2-{sn}"),
    ("A!", "Thank you! A new battery is on its way, tracking {track}. It clicks in under the bottom cover with two screws, and there's a short video guide at https://lumenhome.example/help/sweep-battery if you want to see it first."),
   ])

sc(L, "phone", "phone_setup_mum", topic="technical", tags=["setup", "accessibility"],
   subj=["Phone call: help setting up camera for elderly parent"],
   first=["📞 Inbound call, 14 min\n\nCustomer calling on behalf of her mother (78), who lives alone. Bought 2x Cam Mini so she can check in on her. Mum has no smartphone, only Wi-Fi at home. Walked through setup using the customer's phone and shared access. One camera connected, the second fails at the Wi-Fi step."],
   said="My mom is 78 and the app is a bit much for her. I just want to be able to see that she's okay.",
   steps=[
    ("A?", "It was lovely talking to you today. As promised, a summary: the first camera (\"Living room\") is set up and shared with your account. The second one stopped at the Wi-Fi step, most likely because the router password contains a special character the camera doesn't accept.\n\nCould you check whether the Wi-Fi password on the back of your mum's router has characters like & or %? If so, I'll send you simple instructions to change it, or we can do it together on a call."),
    ("C", "Yes it has a % in it. A call would be easier, could you call me tomorrow afternoon?"),
    ("N", "Callback booked for tomorrow 3pm, customer's mobile. @{mate} if I'm out sick, could you take it? Notes above."),
    ("A!+", "We did it! Both cameras are online and shared with your account now. If your mum ever unplugs one, it reconnects on its own once it's plugged back in. Take care, and say hi to her from us."),
   ])

sc(L, "phone", "phone_charged_after_cancel", topic="billing", tags=["billing", "subscription"], need="sub", prio="high",
   subj=["Phone call: charged after cancelling Plus"],
   first=["📞 Inbound call, 5 min\n\nCustomer cancelled Plus last month (has the confirmation email) but was charged {amt:9.99} again this month. Calm, but wants the money back and proof the subscription is really gone."],
   said="I cancelled, I have the email confirming it, and you still took money. I want it back and I want to be sure it won't happen again.",
   steps=[
    ("N", "Cancellation was recorded in the app but never synced to Stripe, so the subscription stayed active there. @{mate} second one like this this week, worth a bug?"),
    ("A!", "Thanks for your patience on the phone. You were completely right: your cancellation was saved in the app, but a sync error meant our payment provider never received it. I've now cancelled the subscription at the payment provider as well and refunded the {amt:9.99} (reference {ref}).\n\nYou won't be charged again. Sorry for the trouble."),
   ])

sc(L, "phone", "phone_bulk_quote", topic="orders", tags=["sales", "b2b"], need="biz",
   subj=["Phone call: quote for warehouse cameras"],
   first=["📞 Inbound call, 11 min\n\n{name} from {org} is looking at 20x Cam Outdoor for their warehouse + Business plan for 2 sites. Main questions: night vision range, PoE (no, Wi-Fi only, told them), bulk discount. Promised a written quote today."],
   said="We need to see the loading bay at night, that's the main thing. And I need a quote I can send to my boss today.",
   steps=[
    ("A?", "Thanks for your call earlier. Attached is the quote for 20x Cam Outdoor with a 10% volume discount, plus the Business plan for 2 sites. Night vision covers up to 10 m, which should cover the loading bay from the positions you described.\n\nLet me know if your manager has any questions, happy to jump on a call with both of you.", "pdf:Quote_{ref}.pdf"),
    ("C", "Approved! Please go ahead with the order. Same billing details as last time."),
    ("A!", "Wonderful, thank you! The order is confirmed as {order2} and will ship within 2 business days. The Business plan is already active for both sites."),
   ])

# ---------------------------------------------------------------- social
sc(L, "social", "social_refund_rant", topic="returns", tags=["social", "refund"], prio="high",
   subj=["X mention from @{handle}", "Public complaint on X: refund"],
   first=["@LumenHome returned my vacuum 3 weeks ago and still no refund. 2 emails, zero answers. Is anyone actually working there?? #customerservice"],
   steps=[
    ("A?", "We're sorry for the wait, that's not OK. We'd like to look into this right away. Could you send us a DM with your order number and the email you used?"),
    ("C", "Sent you a DM. Order {order}."),
    ("A!", "Thanks! We found it: the refund was stuck in our system and has now been issued. You'll see it within 3-5 days. Sorry again for the hassle."),
   ])

sc(L, "social", "social_outage", topic="technical", tags=["social", "outage"], prio="high",
   subj=["X mention from @{handle}", "Is the app down?"],
   first=["@LumenHome is the app down?? can't see any of my cameras, just spinning"],
   steps=[
    ("A!", "Hi! Yes, some users had trouble loading live view for about 30 minutes this morning. It's fixed now, so please pull down to refresh. Sorry for the scare!"),
    ("C", "working again, thanks for the quick reply"),
    ("A!", "Glad to hear it! Thanks for your patience."),
   ])

sc(L, "social", "insta_no_sub", topic="general", tags=["social", "pre-sales"], prio="low",
   subj=["Instagram comment from @{handle}"],
   first=["Does the Cam Mini work without a subscription?? 🙏 thinking of getting two"],
   steps=[
    ("A!", "Great question! Yes: live view, motion alerts and two-way talk are all free. Lumen Plus adds 30 days of cloud history and smart alerts for people and packages. Happy to help you pick 😊"),
   ])

sc(L, "social", "social_stuck_sofa", topic="technical", tags=["social", "sweep-s2"], prio="low",
   subj=["X mention from @{handle}"],
   first=["Shoutout to @LumenHome, the Sweep S2 is a game changer. Only thing: it keeps getting stuck under my sofa 😂 any tips?"],
   steps=[
    ("A!", "Thank you, that made our day! For the sofa: in the app, open the map, tap \"No-go zones\" and draw a box under the sofa. The robot will keep out of it from then on."),
   ])

# ---------------------------------------------------------------- marketplace (Amazon)
sc(L, "market", "amz_alexa", topic="technical", tags=["alexa", "glow"], market="amazon",
   subj=["Amazon: bulbs don't show up in Alexa", "Amazon buyer question - Alexa"],
   first=["Bought the Glow 4-pack here on Amazon. They work in the Lumen app but Alexa says no devices found. The listing says \"Works with Alexa\". What am I missing?"],
   steps=[
    ("A!", "Thanks for your message! The bulbs connect to Alexa through the Lumen skill rather than directly. In the Alexa app go to More > Skills & Games, search for \"Lumen Home\", enable it and sign in with your Lumen account. Then say \"Alexa, discover devices\" and all four bulbs will show up."),
   ])

sc(L, "market", "amz_invoice", topic="billing", tags=["invoice"], market="amazon",
   subj=["Amazon: invoice request", "Need an invoice for my order"],
   first=["Hello, I need a proper invoice for this order for my company's expenses. The Amazon packing slip isn't accepted by our accounting. Can you send one?"],
   steps=[
    ("A!", "Of course! I've attached the invoice for your order. If you need a company name or VAT number on it, just reply with the details and we'll reissue it the same day.", "pdf:Invoice_{order}.pdf"),
   ])

sc(L, "market", "amz_damaged_kettle", topic="returns", tags=["damaged"], market="amazon", att="photo", prio="high",
   subj=["Amazon: item arrived broken", "Amazon: damaged kettle"],
   first=["The kettle arrived with the glass body cracked. Box was fine from the outside, so it must have happened before it was packed. I'll open an A-to-z claim if this isn't sorted quickly."],
   steps=[
    ("A!", "We're really sorry, and thank you for the photo. No need for a claim: we've sent a replacement through Amazon today, and you'll see the new tracking number in your orders. Please dispose of the broken kettle safely, there's no need to return it."),
   ])

sc(L, "market", "amz_late", topic="orders", tags=["shipping", "wismo"], market="amazon",
   subj=["Amazon: delivery date passed", "Amazon: where is my order?"],
   first=["Estimated delivery was yesterday and tracking hasn't moved in 3 days. Is this even shipped?"],
   steps=[
    ("A?", "Thanks for reaching out. Your parcel did ship but the carrier scan is delayed. We've asked the carrier to investigate and will update you within 24 hours. If it hasn't moved by then, we'll send a replacement right away."),
    ("C", "Ok, waiting. Please don't forget."),
    ("A!+", "As promised: the carrier located the parcel and it's out for delivery today. Thanks for your patience!"),
   ])

# ---------------------------------------------------------------- api (integrations)
sc(L, "api", "api_payment_webhook", topic="billing", tags=["integration", "payments"], prio="high", att="json",
   subj=["Payment webhook failed for order {order}"],
   first=["Webhook delivery failed after 3 attempts.\n\nEvent: payment.succeeded\nOrder: {order}\nAmount: {amt:249.00}\nEndpoint: https://shop.lumenhome.example/hooks/payments\nLast response: HTTP 502 Bad Gateway\nNext retry: none (max attempts reached)\n\nThe order may not have been marked as paid. Verify the order and resend the event from the payments dashboard if needed."],
   steps=[
    ("N", "{order} is still \"awaiting payment\" in the shop although the payment went through. Resent the event manually, got 200 OK. @{mate} the 502s line up with the deploy window, can you check the shop logs?"),
    ("C", "Manual redelivery succeeded.\n\nEvent: payment.succeeded\nOrder: {order}\nResponse: HTTP 200 OK (412 ms)"),
    ("N!", "Order marked as paid and the confirmation email went out to the customer. Nothing else to do here."),
   ])

sc(L, "api", "api_stock_sync", topic="orders", tags=["integration", "warehouse"],
   subj=["Stock sync error: LH-CAM-MINI-W", "Stock sync error: LH-SWEEP-S2"],
   first=["Inventory sync rejected.\n\nSKU: LH-CAM-MINI-W\nWarehouse: CENTRAL-1\nReported available: -3\nShop available: 14\nReason: negative stock not allowed\n\nThe SKU has been paused on the shop until the next successful sync."],
   steps=[
    ("N", "Warehouse counted 3 returns as shipped twice. @{mate} can you ask them to correct the count so the SKU gets unpaused?"),
    ("H", "Waiting for the warehouse cycle count. SKU paused on the shop meanwhile."),
    ("C", "Inventory sync succeeded.\n\nSKU: LH-CAM-MINI-W\nReported available: 11\nStatus: SKU re-enabled on the shop"),
    ("N!", "Count corrected, SKU live again."),
   ])

sc(L, "api", "api_carrier_exception", topic="orders", tags=["integration", "shipping"],
   subj=["Carrier exception for order {order}: address undeliverable"],
   first=["Shipment exception reported by carrier.\n\nOrder: {order}\nCarrier: UPS\nTracking: {track}\nException: ADDRESS_UNDELIVERABLE (street number not found)\nAction required: provide corrected address within 5 days or the parcel returns to sender."],
   steps=[
    ("N", "Emailed the customer to confirm the house number. @{mate} if they reply on another channel, please link it here."),
    ("H", "Waiting for the customer's corrected address. Carrier holds the parcel for 5 days."),
    ("N!+", "Customer confirmed the address (typo in the house number), corrected it with UPS. Parcel redelivered."),
   ])

sc(L, "api", "api_fraud_review", topic="billing", tags=["integration", "fraud-review"], prio="urgent",
   subj=["Order {order} flagged for manual review"],
   first=["Risk check requires manual review.\n\nOrder: {order}\nRisk score: 87 / 100\nSignals: billing/shipping country mismatch, 4 cards tried in 10 min, new account\nAmount: {amt:1180.00}\n\nThe order is on hold until it is approved or cancelled."],
   steps=[
    ("N", "4 different cards in 10 minutes and a freight forwarder address. Looks like card testing to me. @{mate} agree to cancel?"),
    ("N!", "Cancelled and refunded, account blocked. Payments team informed."),
   ])

sc(L, "api", "api_checkout_errors", topic="technical", tags=["integration", "monitoring"], prio="urgent",
   subj=["Checkout error rate above 5%"],
   first=["Alert: checkout_error_rate above threshold.\n\nCurrent: 7.4% (threshold 5%) over the last 10 minutes\nMost common error: PAYMENT_PROVIDER_TIMEOUT\nAffected: web + app checkout\n\nThis alert resolves automatically when the rate stays below 2% for 15 minutes."],
   steps=[
    ("N", "Payment provider status page shows degraded performance in EU. @{mate} heads up, expect a few \"payment failed\" tickets in the next hour."),
    ("C", "Resolved: checkout_error_rate back to 0.6% (below 2% for 15 minutes)."),
    ("N!", "Provider incident over. Two customers wrote in, both answered."),
   ])

# =====================================================================
# Turkish scenario bank
# =====================================================================
L = "tr"

# ---------------------------------------------------------------- email / web
sc(L, "email", "kargo_gecikmesi", topic="orders", tags=["shipping", "wismo"],
   subj=["Siparişim hâlâ kargoya verilmedi", "Sipariş {order} ne zaman gelecek?", "Kargo gecikmesi"],
   first=["5 gün önce sipariş verdim, hâlâ \"Hazırlanıyor\" görünüyor. Sipariş numaram {order}. Sitede 1-2 iş günü içinde kargoya verilir yazıyordu. Ne zaman gönderilecek? Hediye olarak aldım, hafta sonuna yetişmesi lazım.",
          "merhaba siparişim {order} 1 haftadır kargoya verilmedi, ne zaman gönderilecek bilgi verir misiniz? çağrı merkezini aradım ulaşamadım"],
   steps=[
    ("A?", "Yaşadığınız gecikme için özür dileriz. Kontrol ettim; siparişinizdeki ürün yoğunluk nedeniyle depomuza bir gün geç ulaşmış. Ürün bugün paketlendi ve yarın sabah Yurtiçi Kargo'ya teslim edilecek.\n\nHafta sonuna yetişmesi için isterseniz gönderiyi ücretsiz olarak hızlı teslimata çevirebilirim. Onaylarsanız hemen işleme alıyorum."),
    ("H", "Depodan paketleme onayı bekleniyor, yarın sabah kargoya çıkacak. Müşteriye bilgi verildi."),
    ("C", "Evet lütfen hızlı teslimat olsun. Teşekkür ederim."),
    ("A!", "Siparişiniz hızlı teslimatla kargoya verildi. Yurtiçi Kargo takip numaranız: {track}. Cuma günü teslim edilmesi planlanıyor.\n\nAnlayışınız için teşekkür ederiz, güzel bir hafta sonu geçirmenizi dileriz."),
   ])

sc(L, "email", "hasarli_urun", topic="returns", tags=["damaged", "replacement"], att="photo2", prio="high",
   subj=["Ürün hasarlı geldi", "Kutu ezik, cihaz çalışmıyor"],
   first=["Bugün teslim aldığım hava temizleyicinin kutusu bir köşeden tamamen ezilmiş. Açtım, ön paneli çatlak ve cihaz açılmıyor. Kargo görevlisi beklemeden gitti, tutanak tutturamadım. Fotoğrafları ekledim. Sipariş no: {order}. Nasıl bir yol izlemeliyim?"],
   steps=[
    ("A!", "Fotoğraflar için teşekkür ederiz, yaşadığınız durum için gerçekten çok üzgünüz. Tutanak tutulmamış olması sorun değil, fotoğraflar bizim için yeterli.\n\nYeni bir Air 300'ü bugün ücretsiz olarak gönderiyoruz, takip numarası: {track}. Hasarlı ürünü kargo görevlisi yenisini teslim ederken sizden alacak; herhangi bir kutuya koymanız yeterli, ek bir ücret ödemeyeceksiniz."),
    ("C", "Çok hızlı döndünüz, teşekkürler. Kurye hangi gün gelir acaba? Hafta içi gündüz evde olmuyorum."),
    ("A!", "Teslimat yarın ya da ertesi gün yapılacak. Evde olmayacaksanız takip linkindeki \"Teslimat tercihini değiştir\" seçeneğiyle gönderiyi size en yakın Yurtiçi Kargo şubesine yönlendirebilirsiniz. Hasarlı ürünü de şubeye bırakmanız yeterli."),
   ])

sc(L, "email", "yanlis_renk", topic="returns", tags=["wrong-item"], att="photo",
   subj=["Yanlış renk gönderilmiş", "Siyah yerine beyaz geldi"],
   first=["Siyah Cam Mini sipariş ettim ama beyaz geldi. Faturada da siyah yazıyor. Siyahıyla değiştirmek istiyorum, kutuyu açmadım. Sipariş: {order}"],
   steps=[
    ("A!", "Bu karışıklık için özür dileriz. Doğru renkteki ürünü bugün kargoya veriyoruz, takip no: {track}. Beyaz ürünü, kurye yenisini getirdiğinde kutusu açılmamış haliyle teslim edebilirsiniz; ayrıca iade kodu almanıza gerek yok.\n\nİyi günlerde kullanmanızı dileriz."),
   ])

sc(L, "email", "iade_talebi", topic="returns", tags=["return"],
   subj=["İade etmek istiyorum", "İade kodu talebi", "Cayma hakkı kullanımı"],
   first=["Geçen hafta aldığım Sound One hoparlörü iade etmek istiyorum. Ürünün bir sorunu yok ama beklediğim kadar güçlü değil. Kutusunu saklıyorum. İade kodunu nasıl alabilirim? Sipariş no {order}"],
   steps=[
    ("A!", "Merak etmeyin, 14 günlük cayma hakkınız kapsamında iadenizi kolayca yapabilirsiniz.\n\nİade kodunuz: {rma}\n\nÜrünü kutusuyla birlikte herhangi bir Aras Kargo şubesine bu kodla ücretsiz gönderebilirsiniz. Ürün depomuza ulaştıktan sonra en geç 3 iş günü içinde {amt:3299} tutarındaki iadeniz kartınıza yapılır. Bankanıza bağlı olarak ekstrenize yansıması birkaç gün sürebilir."),
    ("C+", "Bugün kargoya verdim. Param ne zaman yatar?"),
    ("A!", "Bilgi verdiğiniz için teşekkürler. Gönderiniz depomuza ulaştığında iade işleminiz başlatılacak ve size e-postayla haber vereceğiz; genelde kargoya verildikten sonraki 4-5 iş günü içinde tamamlanıyor."),
   ])

sc(L, "email", "iade_para_yatmadi", topic="returns", tags=["refund"], prio="high",
   subj=["İade ücretim hâlâ yatmadı", "Param ne zaman iade edilecek?"],
   first=["İade ettiğim ürün 10 gün önce size ulaşmış, kargo takipte teslim edildi yazıyor. Ama param hâlâ kartıma yatmadı. Kimse de bilgi vermiyor. {order} numaralı sipariş. Bu kadar beklemek normal mi?"],
   steps=[
    ("A", "Haklısınız, bu kadar beklemeniz ve bilgi alamamanız hiç hoş değil, özür dileriz. Kontrol ettim: ürününüz depomuza ulaşmış ancak kontrol aşamasında beklemiş. İade işleminizi şimdi başlattım; {amt:1899} tutarındaki iade bugün kartınıza tanımlandı.\n\nBankaların iadeyi ekstreye yansıtması genelde 2-7 iş günü sürüyor. İşlem referans numaranız: {ref}. Bankanızla görüşürseniz bu numarayı iletebilirsiniz."),
    ("C", "Tamam, teşekkürler. Takip edeceğim."),
    ("N", "Depoda iade kontrol kuyruğu yine birikmiş. @{mate} bu hafta üçüncü vaka, depo sorumlusuna iletebilir misin?"),
    ("A!+", "Bilgi vermek için yazıyorum: bankanız iadeyi onaylamış görünüyor, önümüzdeki gün ekstrenizde görebilirsiniz. Başka bir konuda yardımcı olabileceğimiz bir şey olursa buradayız."),
   ])

sc(L, "email", "kurumsal_fatura", topic="billing", tags=["invoice", "e-fatura"], need="biz", raw=True,
   subj=["Fatura şirket adına kesilmeli", "Kurumsal fatura talebi", "e-Fatura düzeltme"],
   first=["Merhaba,\n\n{order} numaralı siparişimizin faturası şahsım adına kesilmiş, oysa sipariş sırasında kurumsal fatura seçmiştik. Fatura bilgilerimiz aşağıdadır:\n\nUnvan: {org}\nVergi dairesi: {taxoffice}\nVergi no: {vat}\n\nFaturanın düzeltilerek tekrar gönderilmesini rica ederiz. Muhasebemiz bu haliyle işleme alamıyor.\n\nİyi çalışmalar,\n{name}"],
   steps=[
    ("A?", "Kurumsal fatura seçiminizin siparişe yansımaması bizim hatamız, özür dileriz. Mevcut e-Arşiv faturayı iptal edip şirketiniz adına yeni bir fatura düzenlememiz gerekiyor.\n\nŞirketinizin e-Fatura mükellefi olup olmadığını teyit edebilir misiniz? Mükellef değilseniz faturayı yine e-Arşiv olarak düzenleyeceğiz."),
    ("C", "Evet, e-Fatura mükellefiyiz."),
    ("A!", "Teşekkürler. Eski fatura iptal edildi ve {org} adına e-Fatura düzenlendi; GİB sistemi üzerinden size ulaşmış olmalı. PDF kopyasını da ekte bulabilirsiniz.\n\nSonraki siparişlerinizde kurumsal bilgilerin otomatik gelmesi için Hesabım > Fatura Bilgileri bölümüne kaydetmenizi öneririz.", "pdf:Fatura_{order}.pdf"),
   ])

sc(L, "email", "kapida_odeme", topic="billing", tags=["payment", "pre-sales"], prio="low",
   subj=["Kapıda ödeme var mı?", "Kapıda kartla ödeme yapabilir miyim?"],
   first=["Robot süpürge almak istiyorum ama internetten kart bilgisi girmek istemiyorum. Kapıda ödeme seçeneğiniz var mı? Varsa kartla ödeyebilir miyim yoksa nakit mi olmalı?"],
   steps=[
    ("A!", "Evet, kapıda ödeme seçeneğimiz var. Ödeme adımında \"Kapıda ödeme\"yi seçebilirsiniz; kurye hem nakit hem de kredi/banka kartı kabul ediyor. Kapıda ödeme için sipariş başına 29,90 TL hizmet bedeli ekleniyor.\n\nKapıda ödemede taksit yapılamadığını da belirtelim. Taksit isterseniz güvenli ödeme sayfamızda 3D Secure ile ödeyebilirsiniz; kart bilgileriniz bizde saklanmıyor."),
    ("C", "Anladım, çok teşekkür ederim. Kapıda ödemede teslimat daha mı uzun sürüyor?"),
    ("A!", "Rica ederiz! Hayır, teslimat süresi kapıda ödemede de aynı, genelde 1-3 iş günü. İyi alışverişler dileriz."),
   ])

sc(L, "email", "taksit", topic="billing", tags=["payment", "installments"],
   subj=["Taksit seçeneği görünmüyor", "Kredi kartına taksit çıkmıyor"],
   first=["Hava temizleyici almak istiyorum, ürün sayfasında 9 taksit yazıyor ama ödeme adımında sadece tek çekim çıkıyor. Kartım Bonus. Neden taksit göremiyorum?"],
   steps=[
    ("A?", "Sorduğunuz için teşekkürler. Taksit tablosu kart numaranızın ilk 6 hanesi girildikten sonra açılıyor. Air 300 için Bonus kartlarda şu an 6 taksit tanımlı; ürün sayfasındaki \"9 taksit\" bilgisi kampanya bittiği halde güncellenmemiş. Bunun için özür dileriz, bilgiyi düzelttirdim.\n\nKart numaranızı yazdıktan sonra da taksit seçeneklerini göremezseniz ekran görüntüsü paylaşabilir misiniz? Hemen bakayım."),
    ("C", "Kart numarasını yazınca 6 taksit çıktı, sorun yok. Teşekkürler.", None),
    ("A!", "Rica ederim, sevindim! Yeni hava temizleyicinizi güle güle kullanın."),
   ])

sc(L, "email", "cift_cekim", topic="billing", tags=["billing", "double-charge"], prio="high", att="screenshot",
   subj=["Kartımdan iki kez çekim yapıldı", "Çift çekim!!"],
   first=["Siparişi verirken ödeme sayfası hata verdi, tekrar denedim. Şimdi bakıyorum kartımdan iki kez {amt:2499} çekilmiş ama tek sipariş var ({order}). Lütfen fazla çekilen tutarı iade edin."],
   steps=[
    ("N", "Ödeme sağlayıcıda ikinci işlem sadece provizyon olarak görünüyor, siparişe bağlı değil. @{mate} iptal talebini sen mi açarsın ben mi?"),
    ("A!", "Yaşadığınız durum için özür dileriz. Kontrol ettim: ikinci işlem aslında tamamlanmamış, yalnızca bankanız tarafından provizyon olarak bloke edilmiş. Provizyonu bugün iptal ettirdik; bankanıza bağlı olarak 1-3 iş günü içinde tutar kart limitinize geri yüklenecek ve ekstrenize yansımayacak.\n\nSiparişiniz tek ödemeyle sorunsuz şekilde alındı ve hazırlanıyor."),
   ])

sc(L, "email", "abonelik_iptal", topic="billing", tags=["subscription", "cancellation"], need="sub",
   subj=["Plus aboneliğimi iptal etmek istiyorum", "Abonelik iptali"],
   first=["Plus aboneliğimi iptal etmek istiyorum. Uygulamada iptal butonunu bulamadım. Bir de yıllık ödemiştim, kalan ayların ücreti iade ediliyor mu?"],
   steps=[
    ("A?", "Yardımcı olmaktan memnuniyet duyarım. İptal butonu maalesef biraz gizli kalmış: Ayarlar > Abonelik > Planı yönet sayfasının en altında, \"Diğer seçenekler\" başlığı altında yer alıyor.\n\nYıllık planlarda kullanılmayan ayların ücreti kısmi olarak iade edilebiliyor. İptali ve kalan 7 ayın iadesini sizin için ben yapabilirim; onaylıyor musunuz? İptalden sonra kayıtlarınız mevcut dönemin sonuna kadar izlenebilir kalacak."),
    ("C", "Evet, onaylıyorum. Teşekkürler."),
    ("A!", "Aboneliğiniz iptal edildi ve kalan 7 ay için {amt:489} tutarındaki iade kartınıza yapıldı. Ücretsiz planla kameralarınızı canlı izlemeye ve hareket bildirimlerini almaya devam edebilirsiniz.\n\nBizi tercih ettiğiniz için teşekkür ederiz."),
   ])

sc(L, "email", "sifre_sifirlama", topic="account", tags=["login", "password"],
   subj=["Şifre sıfırlama maili gelmiyor", "Hesabıma giremiyorum"],
   first=["Şifremi unuttum, sıfırlama linki istiyorum ama mail gelmiyor. Spam klasörüne de baktım. Kameralarımı göremiyorum, yardımcı olur musunuz? Mail adresim {email}"],
   steps=[
    ("A?", "Hemen yardımcı olayım. Kayıtlarımıza göre sıfırlama e-postaları e-posta sağlayıcınız tarafından reddedilmiş. Şimdi farklı bir gönderim sunucusu üzerinden yeni bir link gönderdim, 30 dakika geçerli. Ulaşıp ulaşmadığını bana yazabilir misiniz?"),
    ("C", "Geldi, girdim. Çok teşekkürler!"),
    ("A!", "Sevindim! Benzer bir durumda giriş ekranındaki \"Başka bir yöntemle giriş yap\" seçeneğiyle SMS koduyla da giriş yapabilirsiniz. İyi günler!"),
   ])

sc(L, "email", "uygulama_cokuyor", topic="technical", tags=["bug", "android", "app"], att="screenshot",
   subj=["Uygulama güncellemeden sonra açılmıyor", "Uygulama sürekli kapanıyor"],
   first=["Dün gelen güncellemeden sonra uygulama açılır açılmaz kapanıyor. Telefon Samsung Galaxy A54, Android 14. Silip tekrar yükledim, telefonu yeniden başlattım, değişen bir şey yok. Kapı zili de kamera da uygulamaya bağlı, şu an hiçbirini kullanamıyorum."],
   steps=[
    ("N", "4.12 ile Samsung One UI 6'daki çökme APP-3321 ile aynı görünüyor. @{mate} düzeltmenin ne zaman çıkacağını biliyor musun?"),
    ("A?", "Yaşadığınız sorun için özür dileriz. Bu hata, son güncellemeyle bazı Samsung cihazlarda ortaya çıkan bilinen bir sorun; düzeltme birkaç gün içinde Google Play'de olacak.\n\nO zamana kadar şunu deneyebilir misiniz: Ayarlar > Uygulamalar > Lumen > Depolama > \"Önbelleği temizle\" (verileri değil, yalnızca önbelleği). Çoğu kullanıcıda uygulama bu adımdan sonra açılıyor. Sonucu yazarsanız sevinirim."),
    ("C", "Önbelleği temizleyince açıldı, teşekkür ederim."),
    ("A!", "Harika, sevindim! 4.12.1 sürümü bugün itibarıyla Google Play'de; güncellediğinizde sorun kalıcı olarak çözülecek. Detaylı bilgi verdiğiniz için teşekkürler."),
   ])

sc(L, "email", "garanti_supurge", topic="technical", tags=["warranty", "sweep-s2"],
   subj=["Robot süpürge şarj olmuyor, garanti", "Garanti kapsamında servis talebi"],
   first=["14 ay önce aldığım Sweep S2 artık şarj olmuyor. İstasyona koyunca ışık yanıp sönüyor, sonra kapanıyor. Kontakları temizledim, prizi değiştirdim, olmadı. Garantisi devam ediyor, ne yapmam gerekiyor?"],
   steps=[
    ("A?", "Denediğiniz adımlar için teşekkürler, işimizi kolaylaştırdınız. Ürününüz 2 yıllık garanti kapsamında. Servis kaydı açabilmem için cihazın alt kısmındaki seri numarasını (SW2- ile başlıyor) ve mümkünse istasyondaki ışığı gösteren kısa bir video paylaşabilir misiniz?"),
    ("C", "Seri no SW2-{sn}. Videoyu ekledim.", "video"),
    ("A!", "Teşekkür ederim. Videoya göre sorun bataryada; garanti kapsamında cihazınızı yenisiyle değiştiriyoruz. Yeni ürün yarın kargoya verilecek, takip no: {track}. Eski cihazı aynı kutuyla, kutudaki iade etiketini kullanarak 14 gün içinde gönderebilirsiniz.\n\nAynı hesapla giriş yaptığınızda uygulama, haritalarınızı yeni cihaza aktarmayı önerecek."),
   ])

sc(L, "email", "adres_degisikligi", topic="orders", tags=["address-change"],
   subj=["Teslimat adresini değiştirmem gerekiyor", "Adres değişikliği"],
   first=["Siparişi verirken eski adresim seçili kalmış. Henüz kargoya verilmediyse adresi değiştirebilir misiniz? Yeni adresim:\n\n{addr}\n\nSipariş: {order}"],
   steps=[
    ("A!", "Siparişiniz henüz depodan çıkmamıştı, teslimat adresini güncelledim:\n\n{addr}\n\nKargoya verildiğinde takip numaranız SMS ve e-postayla iletilecek. Sonraki siparişlerde sorun yaşamamak için Hesabım > Adreslerim bölümünden varsayılan adresinizi de güncelleyebilirsiniz."),
   ])

sc(L, "email", "widget_onerisi", topic="general", tags=["feature-request"], prio="low",
   subj=["Öneri: ana ekran widget'ı", "Uygulamaya widget eklenebilir mi?"],
   first=["Uygulamayı çok beğeniyorum ama kapı zilinin kamerasını açmak için her seferinde uygulamaya girmem gerekiyor. Android ana ekranına canlı görüntüyü ya da son hareketi gösteren bir widget eklemeyi düşünür müsünüz?"],
   steps=[
    ("A!", "Güzel öneriniz için çok teşekkür ederiz! Ana ekran widget'ı en çok istenen özellikler arasında; önerinizi ürün ekibimize ilettim ve talebe oyunuzu ekledim. Kesin bir tarih veremesem de bu yıl planlanan özellikler arasında yer alıyor.\n\nBu arada Android'de uygulama simgesine basılı tutarak \"Kapı zili\" kısayolunu ana ekrana ekleyebilirsiniz; tek dokunuşla canlı görüntüyü açıyor."),
   ])

sc(L, "email", "toplu_siparis", topic="orders", tags=["sales", "bulk-order", "b2b"], need="biz", raw=True,
   subj=["Kurumsal toplu sipariş talebi", "25 adet akıllı priz için fiyat teklifi"],
   first=["Merhaba,\n\n{org} olarak yeni ofisimiz için 25 adet Lumen Plug ve 6 adet Cam Mini almak istiyoruz. Kurumsal fiyat teklifi alabilir miyiz? Ödemeyi havale/EFT ile yapmayı düşünüyoruz, faturanın şirket adına kesilmesi gerekiyor.\n\nİyi çalışmalar,\n{name}"],
   steps=[
    ("N", "Toplam liste fiyatı yaklaşık {amt:52000}. @{mate} %10 kurumsal indirimi onaylar mısın?"),
    ("A?", "Bizi tercih ettiğiniz için teşekkür ederiz! %10 kurumsal indirim uygulanmış fiyat teklifimizi ekte bulabilirsiniz. Ürünlerin tamamı stokta; ödeme onayından sonra 2 iş günü içinde kargoya verebiliriz.\n\nÖdemeyi havale/EFT ile yapabilirsiniz. Teklifi onaylamanız halinde banka bilgilerimizi ve proforma faturayı ileteceğim. Teslimat adresini ve teslim alacak kişinin bilgilerini de paylaşabilir misiniz?", "pdf:Teklif_{ref}.pdf"),
    ("C", "Teklifi onaylıyoruz. Teslimat ofis adresimize, teslim alacak kişi resepsiyondan Selin Hanım. Telefonu hesapta kayıtlı."),
    ("A!", "Teşekkürler! Siparişiniz {order2} numarasıyla oluşturuldu; proforma fatura ve banka bilgileri ekte. Ödemeniz hesabımıza geçtiği gün ürünleri kargoya veriyoruz.", "pdf:Proforma_{order2}.pdf"),
   ])

sc(L, "email", "kamera_baglanti", topic="technical", tags=["wifi", "cam-mini"],
   subj=["Kamera sürekli çevrimdışı oluyor", "Cam Mini'nin bağlantısı kopuyor"],
   first=["Cam Mini günde birkaç kez çevrimdışı oluyor, 10-15 dakika sonra kendiliğinden geri geliyor. Modem aynı odada. Diğer cihazlarda sorun yok. Ne yapabilirim?"],
   steps=[
    ("A?", "Anlattığınız durum genelde modemin kamerayı 2,4 GHz ve 5 GHz bantları arasında geçirmeye çalışmasından kaynaklanıyor. Cam Mini yalnızca 2,4 GHz'i destekliyor.\n\nModeminizin markasını ve modelini yazabilir misiniz? Bu ayarın yeri modemden modeme değiştiği için size doğru adımları iletmek istiyorum."),
    ("C", "Superonline'ın verdiği Huawei modem."),
    ("A?", "Teşekkürler. Modem arayüzüne (genelde 192.168.1.1) girip Wi-Fi ayarlarında \"Band Steering\" seçeneğini kapatın ve 2,4 GHz ağa ayrı bir isim verin (örneğin EvAgi_24). Ardından uygulamada kamerayı bu ağa yeniden bağlayın. Bir gün gözlemleyip bana dönebilir misiniz?"),
    ("C+", "Ayarı yaptım, dünden beri hiç kopmadı. Çok teşekkürler."),
    ("A!", "Harika haber, sevindim! Sorun tekrarlarsa bu e-postaya yanıt vermeniz yeterli, talebiniz doğrudan bana gelir."),
   ])

sc(L, "email", "kvkk_silme", topic="account", tags=["privacy", "kvkk"], raw=True,
   subj=["Kişisel verilerimin silinmesi talebi", "KVKK kapsamında veri silme"],
   first=["Merhaba,\n\n6698 sayılı KVKK kapsamında hesabımın ve tüm kişisel verilerimin silinmesini talep ediyorum. İşlem tamamlandığında tarafıma yazılı olarak bilgi verilmesini rica ederim.\n\n{name}"],
   steps=[
    ("A?", "Talebiniz için teşekkür ederiz. Hesabınız silindiğinde tüm kamera kayıtlarınız ve cihaz ayarlarınız da kalıcı olarak silinecek; bu işlem geri alınamıyor. Fatura kayıtları ise vergi mevzuatı gereği yasal saklama süresi boyunca, hesabınızla ilişkilendirilmeden saklanacak.\n\nTalebin size ait olduğunu doğrulamak için hesabınızda kayıtlı kartın son 4 hanesini paylaşabilir misiniz?"),
    ("C", "Son 4 hane {card}."),
    ("A!", "Teşekkür ederiz, doğrulama tamamlandı. Hesabınız ve ilişkili kişisel verileriniz bugün itibarıyla silinmiştir. Yasal saklama yükümlülüğü bulunan kayıtlar süre sonunda otomatik olarak imha edilecektir. Bu e-posta, talebinizin yerine getirildiğine dair yazılı bilgilendirme niteliğindedir."),
   ])

sc(L, "email", "eksik_parca", topic="orders", tags=["missing-part", "sweep-s2"], att="photo",
   subj=["Kutudan yan fırça çıkmadı", "Eksik parça"],
   first=["Sweep S2'nin kutusundan yan fırçalar çıkmadı. Kılavuzda 2 adet yazıyor ama kutuda yok. Sipariş {order}. Gönderebilir misiniz?"],
   steps=[
    ("A!", "Eksik parça için özür dileriz. İki adet yan fırçayı ve yanında bir yedek seti bugün ücretsiz olarak kargoya verdik, takip no: {track}. 1-2 iş günü içinde elinizde olur. Bu sürede robot yan fırçasız da çalışabilir, sadece köşe temizliği biraz zayıf kalacaktır."),
   ])

# ---------------------------------------------------------------- chat
sc(L, "chat", "chat_siparis_nerede", topic="orders", tags=["wismo"],
   subj=["Sipariş durumu", "Siparişim nerede?"],
   first=["merhaba siparişim ne durumda? {order}"],
   steps=[
    ("A", "Merhaba {hon}, hemen kontrol ediyorum 🙂"),
    ("A", "Siparişiniz dün Aras Kargo'ya verilmiş, yarın teslim edilmesi planlanıyor. Takip no: {track}"),
    ("C", "Süper, teşekkürler. Evde yoksam komşuya bırakırlar mı?"),
    ("A!", "Takip linkinden teslimat tercihinizi \"komşuya bırak\" olarak seçebilirsiniz. Başka yardımcı olabileceğim bir konu var mı?"),
   ])

sc(L, "chat", "chat_indirim_kodu", topic="billing", tags=["promo"], prio="low",
   subj=["İndirim kodu geçmiyor"],
   first=["ILKSIPARIS kodunu giriyorum geçersiz diyor"],
   steps=[
    ("A?", "Merhaba {hon}, yardımcı olayım. Sepetinizde indirimli bir ürün var mı acaba?"),
    ("C", "evet air 300 indirimde"),
    ("A!", "Anladım. İlk sipariş kodu kampanyalı ürünlerde geçerli olmuyor maalesef. Ama size özel bir kod tanımladım: {code}. İndirimli fiyatın üzerine %5 daha düşüyor, 3 gün geçerli 🙂"),
    ("C", "çok naziksiniz teşekkürler"),
    ("A!", "Rica ederim, iyi alışverişler!"),
   ])

sc(L, "chat", "chat_ampul_eslesme", topic="technical", tags=["pairing", "glow"],
   subj=["Ampul uygulamada bulunamıyor"],
   first=["aldığım akıllı ampulü uygulama bulamıyor, \"cihaz bulunamadı\" diyor"],
   steps=[
    ("A?", "Merhaba {hon}! Ampulü arka arkaya 5 kez kapatıp açabilir misiniz? Her seferinde yaklaşık 1 saniye. Hızlı yanıp sönmeye başlaması lazım."),
    ("C", "tamam yanıp sönüyor"),
    ("A?", "Harika! Şimdi uygulamada + > Aydınlatma > Glow adımlarını izleyin, telefonu ampule yakın tutun. Buldu mu?"),
    ("C", "buldu, bağlandı 👍"),
    ("A!", "Süper 🎉 Güle güle kullanın, iyi akşamlar!"),
   ])

sc(L, "chat", "chat_kapida_odeme", topic="billing", tags=["payment"], prio="low",
   subj=["Kapıda ödeme"],
   first=["kapıda ödeme var mı, kartla ödenebiliyor mu?"],
   steps=[
    ("A!", "Merhaba {hon}, evet var 🙂 Kurye nakit ve kart kabul ediyor. Sipariş başına 29,90 TL hizmet bedeli ekleniyor, kapıda ödemede taksit yapılamıyor."),
    ("C", "tamamdır teşekkürler"),
    ("A!", "Rica ederim, iyi günler!"),
   ])

sc(L, "chat", "chat_fatura_indir", topic="billing", tags=["invoice"], prio="low",
   subj=["Faturamı nereden indirebilirim?"],
   first=["faturamı bulamıyorum, nereden indirebilirim"],
   steps=[
    ("A", "Merhaba {hon}! Hesabım > Siparişlerim bölümünde ilgili siparişin yanında \"Faturayı görüntüle\" butonu var."),
    ("C", "orada yok, sadece sipariş detayı var. {order}"),
    ("A!", "Haklısınız, bu siparişin e-Arşiv faturası sisteme geç düşmüş. Şimdi e-postanıza gönderdim, birkaç dakika içinde gelir. Başka bir konuda yardımcı olabilir miyim?"),
   ])

# ---------------------------------------------------------------- phone
sc(L, "phone", "tel_kargo_sikayet", topic="orders", tags=["shipping", "escalation"], prio="high",
   subj=["Telefon görüşmesi: kargo 5 gündür aktarmada", "Telefon: kargo şikayeti"],
   first=["📞 Gelen arama, 8 dk\n\nMüşteri {order} numaralı siparişin 5 gündür aynı aktarma merkezinde beklediğini söyledi, oldukça sinirliydi. Aras Kargo'da kayıt açtım, akşam 17:00'ye kadar e-postayla dönüş sözü verdim. Kargo ücretinin iadesini teklif ettim, kabul etti."],
   said="İki gündür evde bekliyorum, kimse gelmedi. Kargo firmasını arıyorum kimse açmıyor. Ben ürünü sizden aldım, muhatabım sizsiniz.",
   steps=[
    ("H", "Aras Kargo kaydı {trace}, aktarma merkezinden dönüş bekleniyor."),
    ("A!", "Telefonda görüştüğümüz üzere gönderinizi takip ettim: kargonuz aktarma merkezinde yanlış hatta ayrılmış, bugün doğru şubeye gönderildi ve yarın dağıtımda olacak. Takip no: {track}. Kargo ücreti olan 39,90 TL'yi de kartınıza iade ettik.\n\nYaşadığınız mağduriyet için tekrar özür dileriz."),
   ])

sc(L, "phone", "tel_garanti", topic="technical", tags=["warranty"],
   subj=["Telefon görüşmesi: hava temizleyici garanti"],
   first=["📞 Gelen arama, 6 dk\n\nAir 300 yüksek devirde tıkırtı sesi çıkarıyor, 10 aylık ürün. Filtre yeni değişmiş. Garanti sürecini anlattım; müşteri sesi kaydedip e-postayla gönderecek."],
   said="Gece uyku modunda bile tık tık ses geliyor, uyuyamıyoruz.",
   steps=[
    ("A?", "Bugünkü görüşmemiz için teşekkür ederim. Konuştuğumuz gibi cihazınız garanti kapsamında. Tıkırtı sesinin kısa bir videosunu ve cihazın arkasındaki seri numarasını bu e-postaya yanıt olarak gönderebilir misiniz?"),
    ("C", "Videoyu ekledim. Seri no AIR3-{sn}", "video"),
    ("A!", "Teşekkürler! Sesin fan yatağından geldiği anlaşılıyor. Yarın kurye cihazınızı adresinizden alacak, yerine yenisini bırakacak; herhangi bir ücret ödemeyeceksiniz. Takip no: {track}."),
   ])

sc(L, "phone", "tel_kurulum_anne", topic="technical", tags=["setup", "doorbell"],
   subj=["Telefon görüşmesi: kapı zili kurulumu"],
   first=["📞 Gelen arama, 12 dk\n\nMüşterinin oğlu aradı; annesi için aldığı Doorbell Pro'yu kurmakta zorlanıyorlar. Uygulama kuruldu, zil Wi-Fi adımında takılıyor. Modem şifresinde Türkçe karakter var (ğ), cihaz kabul etmiyor. Şifre değişikliği için adımları e-postayla göndermeyi söyledim."],
   said="Annem yalnız yaşıyor, kapıya kim geldiğini benim de görebilmem lazım.",
   steps=[
    ("A?", "Görüşmemizde konuştuğumuz gibi, Doorbell Pro Wi-Fi şifresinde Türkçe karakterleri (ğ, ş, ı gibi) kabul etmiyor. Modem arayüzünden şifreyi Türkçe karakter içermeyecek şekilde değiştirdikten sonra kurulumu tekrar deneyebilir misiniz? Adımları ekte gönderiyorum; takılırsanız beni arayabilirsiniz.", "pdf:Kurulum_Adimlari.pdf"),
    ("C", "Şifreyi değiştirdik, zil bağlandı. Annemi de paylaşılan kullanıcı olarak ekledim. Çok teşekkürler."),
    ("A!", "Ne güzel, çok sevindim! Annenizin telefonuna bildirimler de gelecek; isterse sadece zil bildirimlerini açık bırakabilir. Kolay gelsin."),
   ])

sc(L, "phone", "tel_iade_sureci", topic="returns", tags=["return"],
   subj=["Telefon görüşmesi: açılmış ürün iadesi"],
   first=["📞 Gelen arama, 5 dk\n\nMüşteri kutusu açılmış Sound One'ı iade edip edemeyeceğini sordu (9 gün önce teslim almış). 14 günlük cayma hakkının açılmış ürünlerde de geçerli olduğunu, ürünün hasarsız olması gerektiğini anlattım. İade kodunu e-postayla göndereceğim."],
   said="Kutusunu açtım ama sadece bir kere denedim, iade edebilir miyim?",
   steps=[
    ("A!", "Telefonda konuştuğumuz gibi iade kodunuz: {rma}\n\nÜrünü kutusuyla birlikte herhangi bir Aras Kargo şubesine bu kodla ücretsiz gönderebilirsiniz. Ürün depomuza ulaştıktan sonra 3 iş günü içinde iadeniz kartınıza yapılacak."),
   ])

# ---------------------------------------------------------------- social
sc(L, "social", "tw_iade_sikayet", topic="returns", tags=["social", "refund"], prio="high",
   subj=["X'te bahsetme: @{handle}", "X şikayeti: iade gecikmesi"],
   first=["@LumenHomeTR 3 haftadır iade bekliyorum, 2 kez mail attım cevap yok. Bu mu müşteri memnuniyeti? 👎"],
   steps=[
    ("A?", "Merhaba, yaşadığınız gecikme için özür dileriz. Sipariş numaranızı DM ile iletirseniz hemen ilgileneceğiz."),
    ("C", "DM attım. {order}"),
    ("A!", "Kontrol ettik, iadeniz sistemde takılmıştı; bugün kartınıza yapıldı. Bankanıza bağlı olarak 2-7 iş günü içinde ekstrenize yansır. Tekrar özür dileriz."),
   ])

sc(L, "social", "ig_abonelik_sorusu", topic="general", tags=["social", "pre-sales"], prio="low",
   subj=["Instagram yorumu: @{handle}"],
   first=["Cam Mini abonelik olmadan da çalışıyor mu? 🙏 iki tane almayı düşünüyorum"],
   steps=[
    ("A!", "Merhaba! Evet 😊 Canlı izleme, hareket bildirimleri ve çift yönlü konuşma ücretsiz. Lumen Plus ile 30 günlük bulut kaydı ve kişi/paket algılama ekleniyor. Sorunuz olursa DM'den de yazabilirsiniz."),
   ])

sc(L, "social", "tw_hali_sorusu", topic="technical", tags=["social", "sweep-s2"], prio="low",
   subj=["X'te bahsetme: @{handle}"],
   first=["Robot süpürge ertesi gün geldi, helal olsun @LumenHomeTR 👏 bir sorum var: halıyı algılayıp emişi artırıyor mu?"],
   steps=[
    ("A!", "Teşekkür ederiz, çok sevindik! 🙌 Evet, Sweep S2 halıyı algılayınca emiş gücünü otomatik olarak artırıyor. Uygulamada Ayarlar > Temizlik > \"Halı güçlendirme\" seçeneğinden açıp kapatabilirsiniz."),
   ])

# ---------------------------------------------------------------- marketplace (Trendyol / Hepsiburada)
sc(L, "market", "ty_orijinal", topic="general", tags=["pre-sales", "warranty"], market="trendyol", prio="low",
   subj=["Trendyol: ürün orijinal mi?", "Trendyol müşteri sorusu: garanti"],
   first=["Ürün orijinal mi? Garantisi Türkiye garantisi mi yoksa ithalatçı garantisi mi? Fatura kutudan çıkıyor mu?"],
   steps=[
    ("A!", "Merhaba, ürünlerimizin tamamı orijinal ve Lumen Home Türkiye distribütör garantilidir (2 yıl). Faturanız e-Arşiv olarak düzenlenip Trendyol hesabınızdaki sipariş detayına yükleniyor, ayrıca kutudan da çıkıyor. İyi alışverişler dileriz."),
   ])

sc(L, "market", "ty_hasarli", topic="returns", tags=["damaged"], market="trendyol", att="photo", prio="high",
   subj=["Trendyol: ürün kırık geldi", "Trendyol: hasarlı ürün"],
   first=["Akıllı kettle'ın cam gövdesi çatlak geldi. Kutu dışarıdan sağlamdı. Fotoğraf ekledim. Ne yapmam gerekiyor, iade mi açayım?"],
   steps=[
    ("A!", "Yaşadığınız durum için çok özür dileriz. İade açmanıza gerek yok; yenisini bugün Trendyol üzerinden ücretsiz olarak gönderiyoruz, kargo takip bilgisi sipariş detayınıza düşecek. Hasarlı ürünü güvenli bir şekilde atabilirsiniz, geri göndermenize gerek yok."),
   ])

sc(L, "market", "hb_iade_onay", topic="returns", tags=["return"], market="hepsiburada",
   subj=["Hepsiburada: iade talebim onaylanmadı", "Hepsiburada: iade onayı"],
   first=["3 gün önce iade talebi oluşturdum, hâlâ \"Satıcı onayı bekleniyor\" yazıyor. Ürünü ne zaman gönderebilirim?"],
   steps=[
    ("A?", "Merhaba, beklettiğimiz için özür dileriz. İade talebiniz panelimize düşmemiş görünüyor; Hepsiburada ile kontrol ediyoruz. Talebi oluştururken bir hata mesajı aldınız mı?"),
    ("C", "Hayır, normal şekilde oluşturdum. Ekran görüntüsü ekledim.", "screenshot"),
    ("A!", "Teşekkürler. Hepsiburada tarafındaki bir aktarım hatası nedeniyle talep bize ulaşmamış; şimdi manuel olarak onayladık. İade kargo kodunuz sipariş detayınızda görünüyor, ürünü dilediğiniz zaman gönderebilirsiniz."),
   ])

sc(L, "market", "ty_fatura_yok", topic="billing", tags=["invoice"], market="trendyol",
   subj=["Trendyol: fatura gelmedi", "Trendyol: faturamı alamadım"],
   first=["Ürün geldi ama fatura kutudan çıkmadı, Trendyol'da da fatura görünmüyor. Şirketim için lazım."],
   steps=[
    ("A!", "Merhaba, faturanızı ekte gönderiyoruz; ayrıca Trendyol'daki sipariş detayınıza da yükledik. Şirket adına fatura gerekiyorsa unvan, vergi dairesi ve vergi numaranızı iletmeniz yeterli, aynı gün yeniden düzenleriz.", "pdf:Fatura_{order}.pdf"),
   ])

# =====================================================================
# Persian scenario bank   ("_" = ZWNJ)
# =====================================================================
L = "fa"

# ---------------------------------------------------------------- email / web
sc(L, "email", "takhir_ersal", topic="orders", tags=["shipping", "wismo"],
   subj=["سفارشم هنوز نرسیده", "پیگیری سفارش {order}", "تأخیر در ارسال سفارش"],
   first=["۱۰ روز پیش سفارش {order} رو ثبت کردم ولی هنوز به دستم نرسیده. توی سایت نوشته بود ۳ تا ۵ روز کاری. وضعیت سفارش هم از همون روز اول روی «در حال پردازش» مونده. لطفاً بگید دقیقاً کی ارسال می_شه.",
          "سفارش {order} هنوز ارسال نشده. چند بار هم زنگ زدم کسی جواب نداد. خواهش می_کنم پیگیری کنید، این هدیه تولده و تا آخر هفته لازمش دارم."],
   steps=[
    ("A?", "از تأخیر پیش_آمده صمیمانه عذرخواهی می_کنیم. سفارش شما را بررسی کردم؛ به دلیل حجم بالای سفارش_ها، بسته_بندی با یک روز تأخیر انجام شده و امروز تحویل تیپاکس می_شود.\n\nدر صورت تمایل، می_توانم ارسال را بدون هزینهٔ اضافه به «ارسال فوری» تغییر دهم تا پیش از آخر هفته به دستتان برسد. کافی است همین_جا تأیید کنید."),
    ("H", "منتظر تأیید بسته_بندی از انبار؛ فردا صبح تحویل تیپاکس می_شه. به مشتری اطلاع داده شد."),
    ("C", "بله لطفاً فوری بفرستید. ممنون از پیگیری_تون."),
    ("A!", "سفارش شما با ارسال فوری تحویل تیپاکس شد. کد رهگیری: {track}\nطبق برآورد تیپاکس، بسته پنجشنبه به دستتان می_رسد.\n\nاز صبر و همراهی_تان سپاسگزاریم. امیدواریم هدیه حسابی به دل بنشیند 🌷"),
   ])

sc(L, "email", "code_rahgiri", topic="orders", tags=["shipping", "tracking"], att="screenshot",
   subj=["کد رهگیری پست کار نمی_کنه", "کد رهگیری نامعتبر است"],
   first=["کد رهگیری که برام پیامک شده رو توی سایت پست وارد می_کنم ولی می_نویسه «مرسوله_ای با این مشخصات یافت نشد». سه روزه همینه. سفارشم {order} هست."],
   steps=[
    ("A!", "گاهی ثبت مرسوله در سامانهٔ پست تا ۴۸ ساعت طول می_کشد، اما در مورد شما مشکل از خود کد بود: در پیامک یک رقم جا افتاده بود. کد رهگیری صحیح {track} است و بسته هم_اکنون در مرکز مبادلهٔ شهر شماست؛ احتمالاً فردا تحویل داده می_شود.\n\nبابت این اشتباه عذرخواهی می_کنیم."),
    ("C", "الان با کد جدید پیداش کردم. ممنونم، فقط لطفاً بگید تا ساعت چند تحویل می_دن؟"),
    ("A!", "خواهش می_کنم. نامه_رسان_های پست معمولاً بین ساعت ۹ تا ۱۶ مراجعه می_کنند. اگر در این ساعت منزل نیستید، بسته یک هفته در ادارهٔ پست محله نگه داشته می_شود."),
   ])

sc(L, "email", "kala_asib", topic="returns", tags=["damaged", "replacement"], att="photo2", prio="high",
   subj=["کالا آسیب_دیده به دستم رسید", "جاروی رباتیک شکسته رسید"],
   first=["امروز سفارشم رسید ولی کارتن کاملاً له شده بود. جاروی رباتیک رو که باز کردم درِ مخزنش شکسته و یکی از چرخ_هاش هم لق شده. عکس_ها رو پیوست کردم. لطفاً بگید چطوری عوضش کنم. شماره سفارش {order}"],
   steps=[
    ("A!", "از دیدن این عکس_ها واقعاً متأسف شدیم و بابت این تجربهٔ ناخوشایند عذرخواهی می_کنیم. عکس_ها کاملاً کافی است و نیازی به ارسال مدرک دیگری نیست.\n\nیک دستگاه نو امروز برایتان ارسال می_شود (کد رهگیری: {track}). مأمور تیپاکس هنگام تحویل دستگاه جدید، دستگاه آسیب_دیده را از شما تحویل می_گیرد؛ کافی است آن را در هر کارتنی آماده کنید. هیچ هزینه_ای از شما دریافت نمی_شود."),
    ("C", "خیلی ممنون، فکر نمی_کردم انقدر سریع پیگیری کنید 🙏 فقط اگه من خونه نباشم می_تونن به نگهبان ساختمون تحویل بدن؟"),
    ("A!", "خواهش می_کنیم. بله، تحویل دستگاه جدید به نگهبان ساختمان مشکلی ندارد؛ فقط لطفاً دستگاه آسیب_دیده را هم پیش ایشان بگذارید تا مأمور هم_زمان تحویل بگیرد."),
   ])

sc(L, "email", "kala_eshtebah", topic="returns", tags=["wrong-item"], att="photo",
   subj=["کالای اشتباه ارسال شده", "به جای لامپ E27، لامپ E14 فرستادید"],
   first=["من بستهٔ ۴تایی لامپ هوشمند با سرپیچ E27 سفارش دادم ولی چیزی که رسیده سرپیچ E14 هست (سرپیچ کوچیک). روی جعبه نوشته E27 ولی لامپ_های داخلش E14 هستن. به هیچ_کدوم از چراغ_های خونه نمی_خوره."],
   steps=[
    ("A?", "ممنون که دقیق اطلاع دادید و بابت این اشتباه عذرخواهی می_کنیم. به نظر می_رسد برچسب این بسته در کارخانه اشتباه چسبانده شده است.\n\nبستهٔ صحیح E27 امروز ارسال می_شود. لطفاً کد سری ساخت را که روی برچسب کوچک زیر جعبه نوشته شده (با GL- شروع می_شود) برایمان بفرستید تا بقیهٔ بسته_های این سری را هم بررسی کنیم."),
    ("C", "کدش GL-2291-B هست."),
    ("N", "سری GL-2291-B، دومین مورد برچسب اشتباه در این ماه. @{mate} لطفاً به انبار بگو موجودی این سری رو چک کنن."),
    ("A!", "سپاسگزارم. بستهٔ صحیح با کد رهگیری {track} ارسال شد. لامپ_های E14 را هم نزد خودتان نگه دارید؛ نیازی به بازگرداندن آن_ها نیست."),
   ])

sc(L, "email", "bazgasht_vajh", topic="returns", tags=["refund"], prio="high",
   subj=["پول مرجوعی هنوز واریز نشده", "بازگشت وجه سفارش {order}"],
   first=["دو هفته پیش کالا رو مرجوع کردم و طبق کد رهگیری به انبارتون تحویل شده. ولی هنوز هیچ پولی به حسابم برنگشته. شماره شبا رو هم همون موقع توی فرم وارد کردم. لطفاً بگید مشکل کجاست.",
          "سلام. مرجوعی سفارش {order} دوازده روزه که به انبار شما رسیده ولی هنوز وجهش واریز نشده. کسی هم جواب ایمیل_ها رو نمی_ده. واقعاً این_طوری نمی_شه."],
   steps=[
    ("A", "حق با شماست و بابت تأخیر در بازگشت وجه عذرخواهی می_کنیم. کالای مرجوعی شما در انبار ثبت شده بود، اما در مرحلهٔ کنترل کیفیت معطل مانده بود. همین حالا بازگشت وجه به مبلغ {amt:4890000} را ثبت کردم.\n\nواریز از طریق پایا انجام می_شود و معمولاً در یکی از چرخه_های کاری بعدی (حداکثر تا ۲ روز کاری) به حساب شما می_نشیند. کد پیگیری: {ref}"),
    ("C", "باشه ممنون. منتظر می_مونم."),
    ("N", "صف کنترل کیفیت مرجوعی_ها دوباره عقب افتاده. @{mate} لطفاً به مسئول انبار اطلاع بده."),
    ("A!+", "جهت اطلاع: واریز از سمت بانک انجام شده و باید تا الان در حسابتان قابل مشاهده باشد. اگر مشکلی بود، کافی است به همین پیام پاسخ دهید."),
   ])

sc(L, "email", "marjooi", topic="returns", tags=["return"],
   subj=["درخواست مرجوعی", "می_خوام اسپیکر رو پس بدم"],
   first=["اسپیکر Sound One رو هفته پیش خریدم ولی صداش برای پذیرایی ما کمه. سالمه و جعبه_ش رو هم دارم. چطوری می_تونم مرجوعش کنم؟ سفارش {order}"],
   steps=[
    ("A!", "حتماً. شما هنوز در مهلت ۷ روزهٔ بازگشت کالا هستید.\n\nکد مرجوعی شما: {rma}\n\nلطفاً کالا را همراه با جعبه و متعلقات بسته_بندی کنید؛ مأمور ما فردا بین ساعت ۹ تا ۱۷ برای دریافت آن مراجعه می_کند. پس از بررسی کالا در انبار، مبلغ {amt:3450000} ظرف ۳ روز کاری به حسابتان بازگردانده می_شود."),
    ("C+", "مأمور اومد و تحویل دادم. ممنون."),
    ("A!", "سپاس از اطلاع_تان. به محض ثبت کالا در انبار، نتیجه را با پیامک به شما اطلاع می_دهیم."),
   ])

sc(L, "email", "faalsazi_eshterak", topic="billing", tags=["subscription", "activation"], att="screenshot", prio="high",
   subj=["اشتراک Plus فعال نشد", "پرداخت کردم ولی اشتراک فعال نشده"],
   first=["دیروز اشتراک سالانهٔ Plus رو خریدم و پولش هم از کارتم کم شد، ولی توی اپ هنوز نوشته Free. وقتی می_زنم روی «بازیابی خرید» این پیغام رو می_ده: \"Purchase could not be verified. Please try again later.\" اسکرین_شات رو پیوست کردم."],
   steps=[
    ("N", "پرداخت در درگاه موفق بوده ولی وب_هوک به سرور اشتراک نرسیده. @{mate} این همون باگ هفتهٔ پیشه؟"),
    ("A!", "از ارسال اسکرین_شات و متن پیغام خطا سپاسگزاریم؛ بررسی را خیلی سریع_تر کرد. پرداخت شما با موفقیت انجام شده بود، اما به دلیل یک خطای فنی در سمت ما، اشتراک به حسابتان متصل نشده بود.\n\nاشتراک Plus شما اکنون فعال است و برای جبران این دردسر، یک ماه رایگان هم به انتهای دورهٔ اشتراکتان اضافه کردیم. لطفاً یک بار از اپ خارج و دوباره وارد شوید."),
   ])

sc(L, "email", "laghv_eshterak", topic="billing", tags=["subscription", "cancellation"], need="sub",
   subj=["لغو اشتراک", "چطور اشتراکم رو لغو کنم؟"],
   first=["می_خوام اشتراک Plus رو لغو کنم چون دوربین_ها رو جمع کردیم. گزینهٔ لغو رو توی اپ پیدا نکردم. اگه امکانش هست مبلغ این ماه رو هم برگردونید، تازه تمدید شده."],
   steps=[
    ("A!", "ممنون که علت را با ما در میان گذاشتید. اشتراک Plus شما لغو شد و مبلغ تمدید این ماه ({amt:290000}) به طور کامل بازگردانده شد.\n\nویدیوهای ذخیره_شده تا پایان دورهٔ فعلی در دسترس هستند؛ اگر می_خواهید کلیپی را نگه دارید، از مسیر دوربین ← تاریخچه ← دانلود اقدام کنید. ضمناً گزینهٔ لغو در پایین صفحهٔ «مدیریت اشتراک»، زیر «گزینه_های دیگر» قرار دارد؛ پیشنهادتان دربارهٔ پیدا کردن سخت آن را به تیم اپ منتقل کردیم."),
   ])

sc(L, "email", "pardakht_nashode", topic="billing", tags=["payment", "bank-gateway"], prio="high", att="screenshot",
   subj=["پول از حسابم کم شد ولی سفارش ثبت نشد", "مشکل پرداخت در درگاه"],
   first=["موقع پرداخت صفحهٔ درگاه بسته شد و برگشت به سایت و نوشت پرداخت ناموفق. ولی {amt:7200000} از حسابم کم شده! سفارش هم توی پنلم نیست. تکلیف این پول چی می_شه؟"],
   steps=[
    ("A!", "نگران نباشید؛ این مورد معمولاً به دلیل قطع ارتباط درگاه بانکی پیش می_آید. طبق بررسی ما، تراکنش شما در سمت ما تأیید نشده و بانک به طور خودکار مبلغ را حداکثر ظرف ۷۲ ساعت به حسابتان برمی_گرداند.\n\nاگر همچنان مایل به خرید هستید، می_توانید دوباره سفارش ثبت کنید؛ سبد خرید شما ذخیره شده است. اگر تا ۷۲ ساعت دیگر مبلغ برنگشت، لطفاً شمارهٔ پیگیری تراکنش را برایمان بفرستید تا از طریق بانک پیگیری کنیم."),
    ("C+", "چند روز گذشته و هنوز پول برنگشته. شماره پیگیری تراکنش: ۷۴۳۲۱۹۸۸۰۱"),
    ("N", "تراکنش در گزارش بانک با وضعیت «نامشخص» مونده. @{mate} لطفاً از پنل بانک درخواست برگشت دستی ثبت کن."),
    ("A!", "از صبرتان ممنونیم. تراکنش شما در سامانهٔ بانک در وضعیت نامشخص مانده بود و به همین دلیل برگشت خودکار انجام نشد. درخواست برگشت دستی ثبت شد و بانک تأیید کرد که مبلغ تا پایان روز کاری بعد به حسابتان واریز می_شود."),
   ])

sc(L, "email", "factor_rasmi", topic="billing", tags=["invoice"], need="biz", raw=True,
   subj=["درخواست فاکتور رسمی", "فاکتور رسمی به نام شرکت"],
   first=["با سلام و احترام\n\nلطفاً برای سفارش {order} فاکتور رسمی به نام شرکت صادر بفرمایید. مشخصات:\n\nنام شرکت: {org}\nشناسهٔ ملی: {natid}\nکد اقتصادی: {econ}\n\nواحد مالی ما بدون فاکتور رسمی امکان تسویه ندارد.\n\nبا تشکر\n{name}"],
   steps=[
    ("A!", "فاکتور رسمی سفارش {order} به نام {org} با شناسهٔ ملی و کد اقتصادی اعلام_شده صادر شد و فایل PDF آن پیوست است. نسخهٔ اصل مهر و امضاشده نیز با پست سفارشی به نشانی شرکت ارسال می_شود.\n\nبرای سفارش_های بعدی می_توانید مشخصات حقوقی را در بخش «حساب کاربری ← اطلاعات صورتحساب» ذخیره کنید.", "pdf:Factor_{order}.pdf"),
   ])

sc(L, "email", "garanti_jaroo", topic="technical", tags=["warranty", "sweep-s2"],
   subj=["جاروی رباتیک شارژ نمی_شه", "درخواست گارانتی"],
   first=["جاروی رباتیکم که ۸ ماه پیش خریدم دیگه شارژ نمی_شه. وقتی روی پایه_ست چراغش چند ثانیه نارنجی چشمک می_زنه و بعد خاموش می_شه. پایه رو به یه پریز دیگه هم زدم، فرقی نکرد. گارانتی داره دیگه؟"],
   steps=[
    ("A?", "ممنون که این موارد را از قبل امتحان کرده_اید. بله، دستگاه شما ۱۸ ماه گارانتی دارد و این علائم معمولاً به باتری یا برد شارژ مربوط است.\n\nبرای ثبت درخواست گارانتی لطفاً این دو مورد را بفرستید:\n۱. شمارهٔ سریال دستگاه (زیر مخزن، با SW2- شروع می_شود)\n۲. یک ویدیوی کوتاه از چراغ پایه هنگام قرار دادن ربات روی آن"),
    ("C", "سریال: SW2-{sn}\nویدیو رو هم پیوست کردم.", "video"),
    ("A!", "سپاسگزارم. ویدیو نشان می_دهد مشکل از باتری است. یک دستگاه جایگزین فردا برایتان ارسال می_شود (کد رهگیری: {track}). لطفاً دستگاه قبلی را ظرف ۱۴ روز با همان کارتن و برچسب بازگشتِ داخل بسته برای ما بفرستید."),
   ])

sc(L, "email", "code_payamak", topic="account", tags=["login", "otp"],
   subj=["کد تأیید پیامکی نمیاد", "نمی_تونم وارد حسابم بشم"],
   first=["موقع ورود به اپ کد تأیید پیامکی نمیاد. شماره_م همونیه که موقع ثبت_نام دادم. چند بار «ارسال مجدد» رو زدم و الان نوشته \"Too many attempts. Try again in 30 minutes.\" لطفاً کمک کنید، به دوربین_ها دسترسی ندارم."],
   steps=[
    ("A?", "بابت این مشکل عذرخواهی می_کنیم. بررسی کردیم و پیامک_های ارسالی به شمارهٔ شما توسط اپراتور مسدود شده_اند؛ این مشکل در روزهای اخیر برای برخی مشترکان پیش آمده است.\n\nقفل ورود حسابتان را برداشتم. لطفاً این بار در صفحهٔ ورود گزینهٔ «دریافت کد از طریق ایمیل» را انتخاب کنید و نتیجه را به ما اطلاع دهید."),
    ("C", "با ایمیل وارد شدم. ممنونم"),
    ("A!", "خوشحالیم که مشکل حل شد. تا زمانی که مشکل اپراتور برطرف شود، می_توانید کد ورود را از طریق ایمیل دریافت کنید."),
   ])

sc(L, "email", "app_crash", topic="technical", tags=["bug", "android", "app"], att="screenshot",
   subj=["اپ موقع باز کردن دوربین بسته می_شه", "اپ بعد از آپدیت کرش می_کنه"],
   first=["از وقتی اپ رو آپدیت کردم (نسخهٔ ۴.۱۲) هر بار که تصویر زندهٔ دوربین رو باز می_کنم، اپ بسته می_شه.\nمراحل:\n۱. اپ رو باز می_کنم\n۲. روی دوربین «ورودی» می_زنم\n۳. دو ثانیه لودینگ و بعد اپ بسته می_شه\nگوشیم شیائومی Redmi Note 12 هست، اندروید ۱۴. حذف و نصب مجدد هم کردم، فایده نداشت."],
   steps=[
    ("N", "Same crash as APP-3318 (LiveSessionManager). @{mate} do we have an ETA for 4.12.1 on Xiaomi too?"),
    ("A?", "ممنون از توضیح دقیق مراحل؛ کار تیم فنی را خیلی راحت_تر می_کند. این یک خطای شناخته_شده در نسخهٔ ۴.۱۲ روی برخی گوشی_های اندروید ۱۴ است و نسخهٔ اصلاحی ظرف چند روز آینده منتشر می_شود.\n\nتا آن زمان لطفاً این راه موقت را امتحان کنید: تنظیمات ← ویدیو ← کیفیت تصویر زنده را از «خودکار» روی «HD» بگذارید و نتیجه را برایمان بنویسید."),
    ("C", "روی HD گذاشتم، درست شد. ممنون"),
    ("A!", "عالی است! نسخهٔ ۴.۱۲.۱ از امروز در گوگل_پلی و مایکت در دسترس است؛ بعد از به_روزرسانی می_توانید کیفیت را دوباره روی «خودکار» بگذارید."),
   ])

sc(L, "email", "taghvim_shamsi", topic="general", tags=["feature-request"], prio="low",
   subj=["پیشنهاد: تقویم شمسی در اپ", "لطفاً تاریخ شمسی اضافه کنید"],
   first=["اپ خیلی خوبه ولی همهٔ تاریخ_ها میلادی هستن. وقتی می_خوام فیلم یه روز خاص رو پیدا کنم باید اول تبدیلش کنم. امکانش هست تقویم شمسی رو هم اضافه کنید؟ مطمئنم خیلی_ها همینو می_خوان."],
   steps=[
    ("A!", "از پیشنهاد خوبتان واقعاً ممنونیم! حق با شماست و تقویم شمسی یکی از پرتکرارترین درخواست_های کاربران فارسی_زبان است. پیشنهاد شما را با جزئیات به تیم محصول منتقل کردیم و رأی شما هم ثبت شد.\n\nهنوز تاریخ دقیقی اعلام نشده، اما به محض اضافه شدن این قابلیت از طریق ایمیل خبرتان می_کنیم."),
   ])

sc(L, "email", "kharid_omde", topic="orders", tags=["sales", "bulk-order", "b2b"], need="biz", raw=True,
   subj=["استعلام قیمت خرید عمده", "خرید سازمانی دوربین و پریز هوشمند"],
   first=["با سلام و احترام\n\nبرای دفتر جدید {org} قصد خرید ۳۰ عدد پریز هوشمند و ۸ عدد دوربین Cam Mini را داریم. لطفاً پیش_فاکتور با قیمت سازمانی ارسال بفرمایید. امکان پرداخت به صورت حواله هم وجود دارد؟\n\nبا تشکر\n{name}"],
   steps=[
    ("N", "سفارش سازمانی حدود {amt:98000000}. @{mate} لطفاً ۱۰٪ تخفیف سازمانی رو تأیید کن."),
    ("A?", "از اعتماد شما سپاسگزاریم. پیش_فاکتور با ۱۰٪ تخفیف سازمانی پیوست شده است. همهٔ کالاها موجود است و پس از تأیید پرداخت، ظرف ۲ روز کاری ارسال می_شود.\n\nپرداخت به صورت حوالهٔ بانکی (ساتنا یا پایا) امکان_پذیر است. لطفاً در صورت تأیید، نشانی تحویل و نام تحویل_گیرنده را اعلام بفرمایید.", "pdf:PishFactor_{ref}.pdf"),
    ("C", "پیش_فاکتور تأیید شد. تحویل به دفتر مرکزی، خانم توکلی (مسئول دفتر)."),
    ("A!", "سپاسگزارم. سفارش با شمارهٔ {order2} ثبت شد. به محض نشستن حواله، کالاها ارسال و فاکتور رسمی صادر می_شود."),
   ])

sc(L, "email", "taghir_adres", topic="orders", tags=["address-change"],
   subj=["تغییر آدرس ارسال", "آدرس سفارش اشتباهه"],
   first=["آدرس قدیمی_م موقع ثبت سفارش انتخاب شده. اگه هنوز ارسال نشده لطفاً به این آدرس بفرستید:\n\n{addr}\n\nسفارش: {order}"],
   steps=[
    ("A!", "سفارش شما هنوز از انبار خارج نشده بود و نشانی تحویل به این صورت اصلاح شد:\n\n{addr}\n\nپس از ارسال، کد رهگیری برایتان پیامک می_شود. پیشنهاد می_کنیم نشانی پیش_فرض را هم در بخش «نشانی_های من» به_روز کنید."),
   ])

sc(L, "email", "doorbin_offline", topic="technical", tags=["wifi", "cam-mini"],
   subj=["دوربین مدام آفلاین می_شه", "قطع شدن اتصال دوربین"],
   first=["دوربین Cam Mini روزی چند بار آفلاین می_شه و بعد از ۱۰-۱۵ دقیقه خودش وصل می_شه. مودم تو همون اتاقه. بقیهٔ دستگاه_ها مشکلی ندارن. مشکل از کجاست؟"],
   steps=[
    ("A?", "این علامت معمولاً به این دلیل است که مودم دوربین را بین باندهای ۲٫۴ و ۵ گیگاهرتز جابه_جا می_کند، در حالی که Cam Mini فقط از ۲٫۴ گیگاهرتز پشتیبانی می_کند.\n\nلطفاً مدل مودمتان را بفرمایید تا مراحل دقیق را برایتان بفرستم."),
    ("C", "مودم TP-Link هست، مدل Archer C6"),
    ("A?", "سپاس. در پنل مودم (معمولاً 192.168.0.1) به بخش Wireless بروید، گزینهٔ Smart Connect را خاموش کنید و برای شبکهٔ ۲٫۴ گیگاهرتز یک نام جداگانه بگذارید. سپس دوربین را در اپ به همین شبکه وصل کنید. لطفاً یک روز وضعیت را بررسی کنید و نتیجه را اطلاع دهید."),
    ("C+", "از دیروز حتی یه بار هم قطع نشده. دمتون گرم!"),
    ("A!", "چه خبر خوبی! اگر دوباره مشکلی پیش آمد، کافی است به همین پیام پاسخ دهید."),
   ])

sc(L, "email", "mojoodi_air500", topic="orders", tags=["stock", "pre-sales"], prio="low",
   subj=["موجود شدن Air 500", "تصفیه_کنندهٔ هوای Air 500 کی موجود می_شه؟"],
   first=["چند هفته_ست تصفیه هوای Air 500 ناموجوده. با این آلودگی هوای تهران واقعاً لازمش داریم. تاریخ مشخصی برای موجود شدنش دارید؟"],
   steps=[
    ("A!", "کاملاً درک می_کنیم؛ این روزها هوای تهران واقعاً آزاردهنده است. محمولهٔ بعدی Air 500 حدود ۱۰ روز دیگر به انبار می_رسد و نام شما را در فهرست اطلاع_رسانی ثبت کردیم تا به محض موجود شدن، پیامک دریافت کنید.\n\nاگر مساحت اتاقتان تا ۳۵ متر مربع است، Air 300 با همان فیلتر HEPA هم_اکنون موجود است و می_تواند گزینهٔ خوبی باشد."),
   ])

# ---------------------------------------------------------------- chat
sc(L, "chat", "chat_peygiri", topic="orders", tags=["wismo"],
   subj=["وضعیت سفارش", "سفارشم کی می_رسه؟"],
   first=["سلام، سفارشم {order} کی می_رسه؟"],
   steps=[
    ("A", "سلام {hon}، وقت بخیر. الان بررسی می_کنم 🙏"),
    ("A", "سفارشتون دیروز تحویل پست شده و طبق برآورد پس_فردا می_رسه. کد رهگیری: {track}"),
    ("C", "مرسی 🙏"),
    ("A!", "خواهش می_کنم. روز خوبی داشته باشید 🌷"),
   ])

sc(L, "chat", "chat_takhfif_yalda", topic="billing", tags=["promo"], prio="low",
   subj=["کد تخفیف یلدا کار نمی_کنه"],
   first=["کد تخفیف یلدا رو می_زنم می_گه نامعتبره"],
   steps=[
    ("A?", "سلام {hon}، ممکنه بفرمایید چه کالایی توی سبد خریدتون هست؟"),
    ("C", "تصفیه هوا Air 300"),
    ("A!", "کد یلدا شامل کالاهای حراج نمی_شه و Air 300 الان تخفیف خورده. ولی یه کد اختصاصی براتون ساختم: {code} که روی قیمت حراج هم ۵٪ دیگه کم می_کنه 🎁"),
    ("C", "وای چه خوب، ممنونم"),
    ("A!", "خواهش می_کنم، یلداتون مبارک 🍉"),
   ])

sc(L, "chat", "chat_lamp_pair", topic="technical", tags=["pairing", "glow"],
   subj=["لامپ به اپ وصل نمی_شه"],
   first=["لامپ هوشمندی که خریدم تو اپ پیدا نمی_شه، می_نویسه device not found"],
   steps=[
    ("A?", "سلام {hon}، لطفاً لامپ رو ۵ بار پشت سر هم خاموش و روشن کنید (هر بار حدود یک ثانیه) تا شروع کنه به چشمک زدن سریع."),
    ("C", "چشمک می_زنه"),
    ("A?", "عالیه! حالا توی اپ بزنید + ← روشنایی ← Glow و گوشی رو نزدیک لامپ نگه دارید. پیداش کرد؟"),
    ("C", "آره وصل شد 😍"),
    ("A!", "خیلی هم عالی 🎉 شب خوبی داشته باشید!"),
   ])

sc(L, "chat", "chat_eshterak", topic="billing", tags=["subscription", "activation"], need="sub",
   subj=["اشتراک بعد از پرداخت فعال نشد"],
   first=["پرداخت کردم ولی هنوز حسابم Free نشون می_ده"],
   steps=[
    ("A", "سلام {hon}، الان بررسی می_کنم، چند لحظه لطفاً."),
    ("A!", "پرداختتون موفق بوده ولی فعال_سازی با تأخیر انجام شده بود. الان اشتراک فعاله؛ لطفاً یه بار از اپ خارج و دوباره وارد بشید."),
    ("C", "درست شد، مرسی"),
    ("A!", "خواهش می_کنم، روزتون خوش 🌷"),
   ])

sc(L, "chat", "chat_ersal_shahrestan", topic="orders", tags=["shipping", "pre-sales"], prio="low",
   subj=["ارسال به شهرستان"],
   first=["به رشت هم ارسال دارید؟ چند روزه می_رسه؟"],
   steps=[
    ("A!", "سلام {hon}، بله 🙂 به همهٔ شهرها ارسال داریم. برای رشت با تیپاکس معمولاً ۲ تا ۳ روز کاری طول می_کشه و برای خریدهای بالای ۵ میلیون تومان ارسال رایگانه."),
    ("C", "عالیه، ممنون"),
    ("A!", "خواهش می_کنم، خرید خوبی داشته باشید!"),
   ])

# ---------------------------------------------------------------- phone
sc(L, "phone", "tamas_takhir", topic="orders", tags=["shipping", "escalation"], prio="high",
   subj=["تماس تلفنی: تأخیر در رسیدن سفارش", "تماس: شکایت از تأخیر ارسال"],
   first=["📞 تماس ورودی، ۷ دقیقه\n\nمشتری بابت تأخیر سفارش {order} تماس گرفت و خیلی ناراحت بود. بسته از شنبه در مرکز مبادلهٔ پست مانده. درخواست پیگیری از پست ثبت شد؛ قول دادم تا پایان روز نتیجه را پیامک و ایمیل کنم."],
   said="من سه روزه منتظرم، هر بار زنگ می_زنم می_گن فردا. این چه وضعیه؟",
   steps=[
    ("H", "درخواست پیگیری پست با کد {trace} ثبت شد؛ منتظر جواب مرکز مبادله."),
    ("A!", "همان_طور که تلفنی صحبت کردیم، سفارش شما را پیگیری کردیم: بسته در مرکز مبادله اشتباهی به مسیر شهر دیگری فرستاده شده بود. اکنون به مسیر درست برگشته و فردا تحویل داده می_شود. کد رهگیری: {track}\n\nبابت این تأخیر واقعاً عذرخواهی می_کنیم. هزینهٔ ارسال ({amt:95000}) هم به حسابتان برگردانده شد."),
   ])

sc(L, "phone", "tamas_garanti", topic="technical", tags=["warranty"],
   subj=["تماس تلفنی: صدای غیرعادی تصفیه هوا"],
   first=["📞 تماس ورودی، ۵ دقیقه\n\nتصفیه_کنندهٔ Air 300 (۹ ماهه) در دور بالا صدای تق_تق می_دهد. فیلتر تازه عوض شده. روند گارانتی توضیح داده شد؛ مشتری ویدیو و شماره سریال را ایمیل می_کند."],
   said="حتی شب_ها توی حالت خواب هم صدا می_ده، نمی_تونیم بخوابیم.",
   steps=[
    ("A?", "از تماستان سپاسگزاریم. همان_طور که صحبت شد، دستگاه شما تحت گارانتی است. لطفاً یک ویدیوی کوتاه از صدای دستگاه و شماره سریال پشت آن را در پاسخ به همین ایمیل بفرستید."),
    ("C", "ویدیو پیوسته. سریال: AIR3-{sn}", "video"),
    ("A!", "سپاس. صدا از یاتاقان فن است. فردا پیک دستگاه را از شما تحویل می_گیرد و یک دستگاه نو تحویل می_دهد؛ هزینه_ای از شما دریافت نمی_شود. کد رهگیری: {track}"),
   ])

sc(L, "phone", "tamas_nasb_zang", topic="technical", tags=["doorbell", "installation"],
   subj=["تماس تلفنی: راهنمایی نصب زنگ تصویری"],
   first=["📞 تماس ورودی، ۱۱ دقیقه\n\nمشتری برای نصب Doorbell Pro راهنمایی خواست. زنگ تصویری روشن می_شود ولی زنگ داخل خانه صدا نمی_دهد. ترانس زنگ قدیمی ۸ ولت است. توضیح دادم ترانس ۱۶ ولت لازم است؛ قرار شد ترانس برایش ارسال کنیم."],
   said="تصویرش عالیه ولی زنگ خونه دیگه صدا نمی_ده. برقکار می_گه سیم_کشی درسته.",
   steps=[
    ("N", "ترانس ۱۶ ولت رایگان برای مشتری ارسال بشه؟ @{mate} لطفاً تأیید کن."),
    ("A!", "از تماستان ممنونیم. همان_طور که صحبت کردیم، ترانس فعلی (۸ ولت) برای به صدا درآوردن زنگ داخلی کافی نیست. یک ترانس ۱۶ ولت به صورت رایگان برایتان ارسال شد (کد رهگیری: {track}). پس از تعویض ترانس توسط برقکار، در اپ از مسیر تنظیمات دستگاه ← زنگ داخلی، گزینهٔ «مکانیکی» را انتخاب کنید."),
   ])

sc(L, "phone", "tamas_bazgasht_vajh", topic="returns", tags=["refund"],
   subj=["تماس تلفنی: پیگیری بازگشت وجه"],
   first=["📞 تماس ورودی، ۴ دقیقه\n\nمشتری پیگیر بازگشت وجه مرجوعی سفارش {order} بود. کالا ۵ روز پیش در انبار ثبت شده ولی واریز انجام نشده. شماره شبای ثبت_شده یک رقم کم داشت؛ شبای صحیح را تلفنی گرفتم."],
   said="من شماره شبا رو درست وارد کردم، چرا باید انقدر طول بکشه؟",
   steps=[
    ("A!", "از تماستان ممنونیم. شماره شبای جدید در پرونده ثبت شد و بازگشت وجه به مبلغ {amt:2150000} امروز از طریق پایا انجام شد. کد پیگیری: {ref}\n\nمعمولاً تا پایان روز کاری بعد در حساب شما می_نشیند."),
   ])

# ---------------------------------------------------------------- social (Instagram)
sc(L, "social", "insta_direct", topic="orders", tags=["social", "wismo"], prio="high",
   subj=["کامنت اینستاگرام: @{handle}", "شکایت در اینستاگرام"],
   first=["سه بار دایرکت دادم جواب ندادید 😡 سفارشم دو هفته_ست نرسیده"],
   steps=[
    ("A?", "سلام، عذرخواهی می_کنیم 🙏 لطفاً شماره سفارش رو دایرکت بفرستید تا همین الان پیگیری کنیم."),
    ("C", "فرستادم. {order}"),
    ("A!", "بررسی شد 🌷 بسته دیروز ارسال شده و کد رهگیری رو در دایرکت براتون فرستادیم. بابت تأخیر عذرخواهی می_کنیم."),
   ])

sc(L, "social", "insta_gheymat", topic="general", tags=["social", "pre-sales"], prio="low",
   subj=["کامنت اینستاگرام: @{handle}"],
   first=["قیمت دوربین بیرونی چنده؟ به اصفهان هم ارسال دارید؟"],
   steps=[
    ("A!", "سلام 🌷 قیمت به_روز Cam Outdoor رو در سایت و صفحهٔ دیجی_کالای ما می_تونید ببینید. بله، به اصفهان هم با تیپاکس ارسال داریم و معمولاً ۲ روز کاری طول می_کشه."),
   ])

sc(L, "social", "insta_tarif", topic="technical", tags=["social", "sweep-s2"], prio="low",
   subj=["کامنت اینستاگرام: @{handle}"],
   first=["جاروی رباتیکتون عالیه 😍 فقط یه سؤال: زیر مبل گیر می_کنه، راهی داره؟"],
   steps=[
    ("A!", "ممنون از لطفتون 🙏 توی اپ، روی نقشه بزنید «منطقهٔ ممنوع» و یه کادر زیر مبل بکشید؛ ربات دیگه اون_جا نمی_ره."),
   ])

# ---------------------------------------------------------------- marketplace (Digikala)
sc(L, "market", "dk_garanti", topic="general", tags=["pre-sales", "warranty"], market="digikala", prio="low",
   subj=["دیجی_کالا: سؤال دربارهٔ گارانتی", "پرسش خریدار دیجی_کالا"],
   first=["این جارو گارانتی خود لومن هوم رو داره یا گارانتی فروشگاه؟ اگه خراب بشه کجا باید ببرم؟"],
   steps=[
    ("A!", "سلام، وقت بخیر. همهٔ کالاهای ما گارانتی ۱۸ ماههٔ لومن هوم دارند. در صورت بروز مشکل، کافی است از طریق سایت یا شمارهٔ پشتیبانی با ما تماس بگیرید؛ دستگاه از درِ منزل تحویل گرفته می_شود و نیازی به مراجعهٔ حضوری نیست."),
   ])

sc(L, "market", "dk_asib", topic="returns", tags=["damaged"], market="digikala", att="photo", prio="high",
   subj=["دیجی_کالا: کالا شکسته رسید", "دیجی_کالا: کتری آسیب_دیده"],
   first=["کتری برقی که سفارش دادم بدنهٔ شیشه_ایش ترک داره. کارتنش سالم بود. عکس گذاشتم. باید مرجوع کنم یا خودتون عوض می_کنید؟"],
   steps=[
    ("A!", "بابت این اتفاق واقعاً متأسفیم. نیازی به ثبت مرجوعی نیست؛ یک کتری نو امروز از طریق دیجی_کالا برایتان ارسال می_شود و اطلاعات رهگیری در جزئیات سفارش نمایش داده می_شود. لطفاً کتری آسیب_دیده را با احتیاط دور بیندازید."),
   ])

sc(L, "market", "dk_marjooi", topic="returns", tags=["return"], market="digikala",
   subj=["دیجی_کالا: درخواست مرجوعی تأیید نشده"],
   first=["سه روز پیش درخواست مرجوعی ثبت کردم ولی هنوز «در انتظار تأیید فروشنده» هست. کی می_تونم بفرستم؟"],
   steps=[
    ("A?", "سلام، بابت انتظار عذرخواهی می_کنیم. درخواست شما در پنل ما نمایش داده نشده است و موضوع را با دیجی_کالا پیگیری می_کنیم. هنگام ثبت درخواست پیغام خطایی دیدید؟"),
    ("C", "نه، عادی ثبت شد. اسکرین_شاتش رو گذاشتم.", "screenshot"),
    ("A!", "سپاس. به دلیل خطای انتقال اطلاعات، درخواست به ما نرسیده بود؛ اکنون به صورت دستی تأیید شد و می_توانید کالا را ارسال کنید."),
   ])

# =====================================================================
# Canned responses: one entry per key, with en / tr / fa variants
# (folder names stay English; the app translates them)
# =====================================================================
HI_EN = "Hi {{customer.first_name | \"there\"}},\n\n"
HI_TR = "Merhaba {{customer.first_name | \"değerli müşterimiz\"}},\n\n"
HI_FA = "سلام {{customer.first_name | \"دوست\"}} عزیز، وقت بخیر.\n\n"
BYE_EN = "\n\nBest regards,\n{{agent.first_name}}\n{{account.name}}"
BYE_TR = "\n\nİyi günler dileriz,\n{{agent.first_name}}\n{{account.name}}"
BYE_FA = "\n\nبا احترام،\n{{agent.first_name}}\n{{account.name}}"

TEMPLATES_SRC = [
 ("wismo", "Orders & shipping", "wismo", {
  "en": ("Where is my order",
         "Thanks for reaching out about your order ({{customer.field.orders}}). I've checked it for you: it has left our warehouse and is on its way with our carrier. You can follow it with the tracking link in your shipping confirmation email.\n\nIf it hasn't arrived within 2 business days, just reply to this message and I'll chase the carrier for you."),
  "tr": ("Siparişim nerede",
         "Siparişinizle ({{customer.field.orders}}) ilgili bize ulaştığınız için teşekkür ederiz. Kontrol ettim; siparişiniz depomuzdan çıktı ve kargo firmasına teslim edildi. Kargo bilgilendirme e-postanızdaki takip linkinden gönderinizi izleyebilirsiniz.\n\n2 iş günü içinde elinize ulaşmazsa bu e-postaya yanıt vermeniz yeterli, kargo firmasıyla sizin için görüşeceğim."),
  "fa": ("سفارش من کجاست",
         "ممنون که دربارهٔ سفارشتان ({{customer.field.orders}}) با ما در تماس بودید. سفارش شما را بررسی کردم؛ بسته از انبار خارج شده و در حال ارسال است. از طریق لینک رهگیری که برایتان پیامک شده می‌توانید وضعیت آن را دنبال کنید.\n\nاگر تا ۲ روز کاری به دستتان نرسید، کافی است به همین پیام پاسخ دهید تا از شرکت حمل پیگیری کنم.")}),
 ("shipping-delay", "Orders & shipping", "delay", {
  "en": ("Shipping delay apology",
         "I'm sorry your order is taking longer than expected. Because of high demand, it's leaving our warehouse about 2 days later than planned. I've upgraded it to express shipping at no cost, so it should still reach you soon.\n\nYou'll receive the tracking number by email as soon as the carrier picks it up."),
  "tr": ("Kargo gecikmesi özrü",
         "Siparişinizin beklenenden uzun sürdüğü için özür dileriz. Yoğunluk nedeniyle siparişiniz depomuzdan planlanandan yaklaşık 2 gün geç çıkıyor. Gönderinizi ücretsiz olarak hızlı teslimata yükselttim, böylece en kısa sürede elinizde olacak.\n\nKargoya verildiğinde takip numaranız e-postayla iletilecek."),
  "fa": ("عذرخواهی بابت تأخیر ارسال",
         "بابت طولانی شدن ارسال سفارشتان عذرخواهی می‌کنیم. به دلیل حجم بالای سفارش‌ها، بسته حدود ۲ روز دیرتر از برنامه از انبار خارج می‌شود. ارسال شما را بدون هزینهٔ اضافه به «ارسال فوری» تغییر دادم تا هرچه زودتر به دستتان برسد.\n\nبه محض تحویل بسته به شرکت حمل، کد رهگیری برایتان ارسال می‌شود.")}),
 ("not-received", "Orders & shipping", "notreceived", {
  "en": ("Delivered but not received",
         "I'm sorry, that's a frustrating message to get when nothing is there. Could you please check with your neighbours and any reception or mailroom in your building? Parcels are sometimes handed to someone nearby.\n\nIf it hasn't turned up by tomorrow, reply here and I'll open a claim with the carrier and arrange a replacement for you."),
  "tr": ("Teslim edildi görünüyor ama ulaşmadı",
         "Gönderiniz teslim edildi görünüp elinize ulaşmadığı için çok üzgünüz. Komşularınıza ve varsa site/apartman görevlisine sorabilir misiniz? Kurye bazen gönderiyi yakındaki birine teslim edebiliyor.\n\nYarına kadar ulaşmazsa bu e-postaya yanıt verin; kargo firmasında kayıp kaydı açıp size yenisini göndereceğim."),
  "fa": ("تحویل‌شده ولی دریافت‌نشده",
         "متأسفیم که بسته با وجود ثبت تحویل به دستتان نرسیده است. لطفاً از همسایه‌ها و نگهبان یا لابی ساختمان هم سؤال کنید؛ گاهی مأمور بسته را به فرد دیگری در نزدیکی تحویل می‌دهد.\n\nاگر تا فردا پیدا نشد، به همین پیام پاسخ دهید تا از شرکت حمل پیگیری کنیم و در صورت لزوم کالای جایگزین ارسال شود.")}),
 ("return-label", "Returns & refunds", "return", {
  "en": ("Return label",
         "No problem at all, you're within our 30-day return window. I've emailed you a prepaid return label. Print it, attach it to any sturdy box and drop it at the nearest carrier point.\n\nYour refund goes back to the original payment method within 3-5 business days after the parcel reaches our warehouse."),
  "tr": ("İade kodu",
         "Elbette, 14 günlük cayma hakkınız kapsamında iadenizi kolayca yapabilirsiniz. İade kodunuzu e-postayla gönderdim. Ürünü kutusuyla birlikte anlaşmalı kargo şubemize bu kodla ücretsiz gönderebilirsiniz.\n\nÜrün depomuza ulaştıktan sonra en geç 3 iş günü içinde ödemeniz kartınıza iade edilir."),
  "fa": ("کد مرجوعی",
         "حتماً؛ شما در مهلت بازگشت کالا هستید. کد مرجوعی برایتان ایمیل شد. لطفاً کالا را همراه با جعبه و متعلقات بسته‌بندی کنید تا مأمور ما برای تحویل گرفتن آن مراجعه کند.\n\nپس از بررسی کالا در انبار، مبلغ ظرف ۳ روز کاری به حسابتان بازگردانده می‌شود.")}),
 ("refund-issued", "Returns & refunds", "refunded", {
  "en": ("Refund issued",
         "Good news: your refund has been issued today ({{today}}). Depending on your bank it can take 3-5 business days to show on your statement.\n\nIf you don't see it by then, reply to this email and I'll send you the bank reference number."),
  "tr": ("İade yapıldı",
         "Güzel haber: iadeniz bugün ({{today}}) kartınıza yapıldı. Bankanıza bağlı olarak ekstrenize yansıması 2-7 iş günü sürebilir.\n\nBu süre içinde göremezseniz bu e-postaya yanıt verin, size banka referans numarasını iletelim."),
  "fa": ("بازگشت وجه انجام شد",
         "خبر خوب: بازگشت وجه شما امروز ({{today}}) انجام شد. واریز از طریق پایا صورت می‌گیرد و معمولاً تا ۲ روز کاری در حساب شما می‌نشیند.\n\nاگر تا آن زمان واریزی را مشاهده نکردید، به همین پیام پاسخ دهید تا کد پیگیری بانکی را برایتان بفرستیم.")}),
 ("damaged-replacement", "Returns & refunds", "damaged", {
  "en": ("Damaged item replacement",
         "I'm so sorry your order arrived damaged, and thank you for the photos. I've arranged a free replacement, which ships today. The courier will collect the damaged item when they deliver the new one, so please have it ready in any box.\n\nThere's nothing to print and nothing to pay."),
  "tr": ("Hasarlı ürün değişimi",
         "Siparişinizin hasarlı ulaştığı için çok üzgünüz, fotoğraflar için teşekkür ederiz. Yenisini bugün ücretsiz olarak kargoya veriyoruz. Kurye yeni ürünü teslim ederken hasarlı ürünü de sizden alacak; herhangi bir kutuya koymanız yeterli.\n\nHerhangi bir ücret ödemeyeceksiniz."),
  "fa": ("تعویض کالای آسیب‌دیده",
         "بسیار متأسفیم که سفارشتان آسیب‌دیده به دستتان رسید و از ارسال عکس‌ها ممنونیم. یک کالای نو امروز به صورت رایگان برایتان ارسال می‌شود. مأمور هنگام تحویل کالای جدید، کالای آسیب‌دیده را تحویل می‌گیرد؛ کافی است آن را در هر کارتنی آماده کنید.\n\nهیچ هزینه‌ای از شما دریافت نمی‌شود.")}),
 ("invoice-copy", "Billing", "invoice", {
  "en": ("Invoice copy",
         "Please find the invoice for your order attached, issued to {{customer.name}}. You can also download all your invoices any time under Account > Orders.\n\nIf you need a company name or VAT number on it, just reply with the details and we'll reissue it the same day."),
  "tr": ("Fatura kopyası",
         "Siparişinize ait faturayı ekte bulabilirsiniz. Tüm faturalarınıza Hesabım > Siparişlerim bölümünden de istediğiniz zaman ulaşabilirsiniz.\n\nFaturanın şirket adına düzenlenmesi gerekiyorsa unvan, vergi dairesi ve vergi numaranızı iletmeniz yeterli; aynı gün yeniden düzenleriz."),
  "fa": ("نسخهٔ فاکتور",
         "فاکتور سفارش شما پیوست این پیام است. همچنین می‌توانید همهٔ فاکتورها را هر زمان از بخش «حساب کاربری ← سفارش‌ها» دریافت کنید.\n\nاگر به فاکتور رسمی به نام شرکت نیاز دارید، نام شرکت، شناسهٔ ملی و کد اقتصادی را برایمان بفرستید تا همان روز صادر شود.")}),
 ("duplicate-charge", "Billing", "double", {
  "en": ("Duplicate charge refunded",
         "I'm sorry about the duplicate charge. I've checked your account: you were charged twice because of an error on our side, and I've refunded the extra payment today.\n\nDepending on your bank, it may show as a reversal within a few hours or take up to 5 business days. Reference: ticket #{{ticket.id}}."),
  "tr": ("Mükerrer çekim iadesi",
         "Mükerrer çekim için özür dileriz. Hesabınızı kontrol ettim; bizden kaynaklı bir hata nedeniyle kartınızdan iki kez çekim yapılmış. Fazla çekilen tutarı bugün iade ettim.\n\nBankanıza bağlı olarak birkaç saat içinde ya da en geç 5 iş günü içinde kartınıza yansıyacaktır. Referans: talep #{{ticket.id}}."),
  "fa": ("بازگشت مبلغ کسرشدهٔ تکراری",
         "بابت کسر تکراری مبلغ عذرخواهی می‌کنیم. حساب شما را بررسی کردم؛ به دلیل خطایی در سمت ما مبلغ دو بار کسر شده بود و مبلغ اضافه امروز بازگردانده شد.\n\nبسته به بانک شما، ممکن است از چند ساعت تا ۳ روز کاری طول بکشد. شمارهٔ پیگیری: درخواست #{{ticket.id}}")}),
 ("subscription-cancelled", "Billing", "cancelsub", {
  "en": ("Subscription cancelled",
         "I've cancelled your {{customer.field.plan}} subscription, and you won't be charged again. Your recordings stay available until the end of the current billing period, so now is a good time to download any clips you'd like to keep (Camera > History > Download).\n\nThe free plan keeps live view and motion alerts working, and you're welcome back any time."),
  "tr": ("Abonelik iptal edildi",
         "{{customer.field.plan}} aboneliğinizi iptal ettim, kartınızdan tekrar ücret çekilmeyecek. Kayıtlarınız mevcut dönem sonuna kadar izlenebilir kalacak; saklamak istediğiniz videoları şimdiden indirebilirsiniz (Kamera > Geçmiş > İndir).\n\nÜcretsiz planla canlı izleme ve hareket bildirimleri çalışmaya devam ediyor. Tekrar görüşmek dileğiyle."),
  "fa": ("اشتراک لغو شد",
         "اشتراک {{customer.field.plan}} شما لغو شد و مبلغی دوباره از حسابتان کسر نمی‌شود. ویدیوهای ذخیره‌شده تا پایان دورهٔ فعلی در دسترس هستند؛ اگر می‌خواهید کلیپی را نگه دارید، از مسیر دوربین ← تاریخچه ← دانلود اقدام کنید.\n\nبا طرح رایگان، تصویر زنده و هشدار حرکت همچنان فعال است. همیشه خوشحال می‌شویم دوباره در کنارمان باشید.")}),
 ("password-reset", "Account & login", "reset", {
  "en": ("Password reset link",
         "I've just sent a new password reset link to {{customer.email}}. It's valid for 30 minutes. If it doesn't show up within a few minutes, please check your spam or promotions folder.\n\nYou can also sign in with a one-time code by text: tap \"Sign in another way\" on the login screen."),
  "tr": ("Şifre sıfırlama linki",
         "{{customer.email}} adresinize yeni bir şifre sıfırlama linki gönderdim; 30 dakika geçerli. Birkaç dakika içinde gelmezse lütfen spam/gereksiz klasörünü kontrol edin.\n\nGiriş ekranındaki \"Başka bir yöntemle giriş yap\" seçeneğiyle SMS koduyla da giriş yapabilirsiniz."),
  "fa": ("لینک بازیابی رمز عبور",
         "یک لینک جدید بازیابی رمز عبور به {{customer.email}} فرستادم که ۳۰ دقیقه اعتبار دارد. اگر تا چند دقیقهٔ دیگر نرسید، لطفاً پوشهٔ اسپم را هم بررسی کنید.\n\nهمچنین می‌توانید در صفحهٔ ورود، گزینهٔ «ورود با کد یک‌بارمصرف» را انتخاب کنید.")}),
 ("2fa-verify", "Account & login", "2fa", {
  "en": ("2FA reset: verify identity",
         "I understand how stressful it is to be locked out. To remove two-factor authentication safely, I first need to confirm it's really you. Please reply with:\n\n- the last 4 digits of the card on the account\n- the serial number of one of your devices\n- the number of a recent order\n\nAs soon as I have those, I'll reset it for you."),
  "tr": ("İki adımlı doğrulama: kimlik teyidi",
         "Hesabınıza erişememenin ne kadar sıkıntılı olduğunu biliyorum. İki adımlı doğrulamayı güvenle kaldırabilmem için önce sizin olduğunuzu teyit etmem gerekiyor. Lütfen şu bilgileri yanıt olarak iletin:\n\n- Hesaptaki kartın son 4 hanesi\n- Cihazlarınızdan birinin seri numarası\n- Yakın tarihli bir siparişinizin numarası\n\nBilgiler elime ulaşır ulaşmaz işlemi yapacağım."),
  "fa": ("تأیید هویت برای غیرفعال‌سازی ورود دومرحله‌ای",
         "درک می‌کنیم که نداشتن دسترسی به حساب چقدر نگران‌کننده است. برای غیرفعال کردن امن ورود دومرحله‌ای، ابتدا باید هویت شما را تأیید کنیم. لطفاً این موارد را بفرستید:\n\n- چهار رقم آخر کارت ثبت‌شده در حساب\n- شمارهٔ سریال یکی از دستگاه‌ها\n- شمارهٔ یکی از سفارش‌های اخیر\n\nبه محض دریافت، درخواست شما را انجام می‌دهم.")}),
 ("app-logs", "Technical", "logs", {
  "en": ("Request app logs",
         "Thanks for the details so far. To help our developers pinpoint the problem, could you send us the app logs?\n\n1. Open the Lumen app > Settings > Help\n2. Tap \"Send diagnostics\"\n3. Enter ticket number {{ticket.id}} when asked\n\nThe logs don't contain your password or any video."),
  "tr": ("Uygulama kayıtlarını isteme",
         "Verdiğiniz bilgiler için teşekkürler. Geliştirici ekibimizin sorunu tespit edebilmesi için uygulama kayıtlarını gönderebilir misiniz?\n\n1. Lumen uygulaması > Ayarlar > Yardım\n2. \"Tanılama verisi gönder\"e dokunun\n3. Sorulduğunda talep numarası olarak {{ticket.id}} girin\n\nKayıtlarda şifreniz ya da video görüntüleriniz yer almaz."),
  "fa": ("درخواست فایل گزارش اپ",
         "از اطلاعاتی که فرستادید ممنونیم. برای اینکه تیم فنی بتواند مشکل را دقیق پیدا کند، لطفاً فایل گزارش اپ را برایمان بفرستید:\n\n۱. اپ لومن ← تنظیمات ← راهنما\n۲. گزینهٔ «ارسال گزارش عیب‌یابی» را بزنید\n۳. در صورت درخواست، شمارهٔ درخواست {{ticket.id}} را وارد کنید\n\nاین گزارش شامل رمز عبور یا ویدیوهای شما نیست.")}),
 ("wifi-24ghz", "Technical", "wifi", {
  "en": ("Wi-Fi: camera drops offline",
         "Short disconnects like this are usually caused by the router moving the device between its 2.4 GHz and 5 GHz bands. Our cameras only use 2.4 GHz.\n\nPlease try turning off \"band steering\" or \"smart connect\" in your router settings, give the 2.4 GHz network its own name, and reconnect the camera to it. Let me know how it behaves over the next day."),
  "tr": ("Wi-Fi: kamera çevrimdışı oluyor",
         "Bu tür kısa kopmalar genelde modemin cihazı 2,4 GHz ve 5 GHz bantları arasında geçirmesinden kaynaklanıyor. Kameralarımız yalnızca 2,4 GHz kullanıyor.\n\nModem ayarlarından \"Band Steering\" ya da \"Akıllı bağlantı\" özelliğini kapatıp 2,4 GHz ağa ayrı bir isim vermeyi ve kamerayı bu ağa yeniden bağlamayı deneyebilir misiniz? Bir gün boyunca nasıl çalıştığını bize yazarsanız seviniriz."),
  "fa": ("وای‌فای: آفلاین شدن دوربین",
         "این قطعی‌های کوتاه معمولاً به این دلیل است که مودم دستگاه را بین باندهای ۲٫۴ و ۵ گیگاهرتز جابه‌جا می‌کند، در حالی که دوربین‌های ما فقط از ۲٫۴ گیگاهرتز استفاده می‌کنند.\n\nلطفاً در تنظیمات مودم گزینهٔ Smart Connect یا Band Steering را خاموش کنید، برای شبکهٔ ۲٫۴ گیگاهرتز نام جداگانه بگذارید و دوربین را دوباره به آن وصل کنید. نتیجه را پس از یک روز به ما اطلاع دهید.")}),
 ("feature-logged", "General", "feature", {
  "en": ("Feature request logged",
         "Thank you for taking the time to share this idea! I've passed it on to our product team and added your vote to the request. I can't promise a date, but requests with many votes get prioritised.\n\nWe'll let you know by email if it makes it into the app."),
  "tr": ("Öneri iletildi",
         "Fikrinizi bizimle paylaştığınız için çok teşekkür ederiz! Önerinizi ürün ekibimize ilettim ve talebe oyunuzu ekledim. Kesin bir tarih veremesem de çok oy alan talepler önceliklendiriliyor.\n\nÖzellik uygulamaya eklendiğinde size e-postayla haber vereceğiz."),
  "fa": ("ثبت پیشنهاد",
         "از اینکه ایده‌تان را با ما در میان گذاشتید واقعاً ممنونیم! پیشنهاد شما به تیم محصول منتقل شد و رأی شما هم ثبت شد. تاریخ دقیقی نمی‌توانم اعلام کنم، اما درخواست‌هایی که رأی بیشتری دارند در اولویت قرار می‌گیرند.\n\nاگر این قابلیت به اپ اضافه شود، از طریق ایمیل به شما خبر می‌دهیم.")}),
 ("no-reply-followup", "General", "followup", {
  "en": ("Follow-up: no reply yet",
         "Just checking in on ticket #{{ticket.id}} (\"{{ticket.subject}}\"). I haven't heard back from you yet, so I wanted to make sure my last message reached you.\n\nIf everything is sorted, no need to reply and the ticket will close automatically in a few days. If not, just reply here and I'll pick it up right away."),
  "tr": ("Hatırlatma: yanıt bekleniyor",
         "#{{ticket.id}} numaralı talebinizle (\"{{ticket.subject}}\") ilgili size ulaşmak istedim. Son mesajımıza henüz yanıt gelmediği için e-postamızın size ulaştığından emin olmak istiyorum.\n\nSorununuz çözüldüyse yanıt vermenize gerek yok, talep birkaç gün içinde otomatik olarak kapanacak. Çözülmediyse bu e-postaya yanıt vermeniz yeterli."),
  "fa": ("پیگیری: منتظر پاسخ شما",
         "دربارهٔ درخواست #{{ticket.id}} («{{ticket.subject}}») پیگیری می‌کنم. هنوز پاسخی از شما دریافت نکرده‌ایم و خواستم مطمئن شوم پیام قبلی به دستتان رسیده است.\n\nاگر مشکل حل شده، نیازی به پاسخ نیست و درخواست تا چند روز دیگر به‌طور خودکار بسته می‌شود. در غیر این صورت، کافی است به همین پیام پاسخ دهید.")}),
]

WRAP = {"en": (HI_EN, BYE_EN), "tr": (HI_TR, BYE_TR), "fa": (HI_FA, BYE_FA)}

# Personal responses: only their author (the demo's "me") sees them; they
# carry no greeting wrapper because they are short chat-style replies.
PERSONAL_SRC = [
 ("quick-solved", "General", "thx", {
  "en": ("Glad it works now",
         "That's great news, {{customer.first_name | \"there\"}}! I'm glad everything works now. I'll mark this as solved; if anything else comes up, just reply here and it reopens straight away.\n\n{{agent.first_name}}"),
  "tr": ("Sorun çözüldü, sevindim",
         "Harika bir haber, {{customer.first_name | \"değerli müşterimiz\"}}! Her şeyin sorunsuz çalışmasına çok sevindim. Talebi çözüldü olarak işaretliyorum; başka bir konu olursa bu mesaja yanıt vermeniz yeterli, talep hemen yeniden açılır.\n\n{{agent.first_name}}"),
  "fa": ("خوشحالم که مشکل حل شد",
         "چه خبر خوبی، {{customer.first_name | \"دوست\"}} عزیز! خوشحالم که همه‌چیز درست کار می‌کند. درخواست را حل‌شده علامت می‌زنم؛ اگر موضوع دیگری پیش آمد، کافی است به همین پیام پاسخ دهید تا دوباره باز شود.\n\n{{agent.first_name}}")}),
]

# Macros: what applying a response also changes on the ticket. Notes are
# internal, per language like the text.
TEMPLATE_ACTIONS = {
    "refund-issued": {"status": "solved"},
    "subscription-cancelled": {"status": "solved"},
    "quick-solved": {"status": "solved"},
    "no-reply-followup": {"status": "pending"},
    "app-logs": {"status": "pending", "note": {
        "en": "Asked for app logs; check the upload for ticket {{ticket.id}} before escalating to engineering.",
        "tr": "Uygulama günlükleri istendi; mühendisliğe iletmeden önce {{ticket.id}} numaralı talebin yüklemesini kontrol edin.",
        "fa": "گزارش اپ درخواست شد؛ پیش از ارجاع به تیم فنی، فایل ارسالی درخواست {{ticket.id}} را بررسی کنید."}},
    "2fa-verify": {"status": "pending", "priority": "high", "note": {
        "en": "Identity check started for {{customer.email}}. Do not reset 2FA until both answers match the account.",
        "tr": "{{customer.email}} için kimlik doğrulaması başladı. İki yanıt da hesapla eşleşmeden 2FA sıfırlanmasın.",
        "fa": "احراز هویت برای {{customer.email}} آغاز شد. تا وقتی هر دو پاسخ با حساب مطابقت نداشته باشد، ورود دومرحله‌ای را بازنشانی نکنید."}},
    "damaged-replacement": {"assignee": "me", "note": {
        "en": "Replacement promised for {{customer.field.orders | \"the order\"}}; the damaged item does not need to come back.",
        "tr": "{{customer.field.orders | \"sipariş\"}} için yenisi sözü verildi; hasarlı ürünün geri gönderilmesi gerekmiyor.",
        "fa": "برای {{customer.field.orders | \"سفارش\"}} کالای جایگزین قول داده شد؛ نیازی به بازگرداندن کالای آسیب‌دیده نیست."}},
}


def template_actions(key, lang):
    src = TEMPLATE_ACTIONS.get(key)
    if not src:
        return None
    out = {}
    for name in ("status", "priority", "assignee"):
        if name in src:
            out[name] = src[name]
    if "note" in src:
        out["note"] = src["note"][lang]
    return out


def build_templates():
    out = []
    for source, shared, wrap in ((TEMPLATES_SRC, True, True), (PERSONAL_SRC, False, False)):
        for key, folder, shortcut, variants in source:
            for lang in ("en", "tr", "fa"):
                name, body = variants[lang]
                hi, bye = WRAP[lang] if wrap else ("", "")
                item = {"key": key, "folder": folder, "name": name,
                        "shortcut": shortcut, "language": lang, "shared": shared,
                        "body": hi + body + bye}
                actions = template_actions(key, lang)
                if actions:
                    item["actions"] = actions
                out.append(item)
    return out

# =====================================================================
# People
# =====================================================================
ME = "ayse"
AGENTS = [
    # id, display name, language, first name per language, full name per language, initials
    ("ayse", "Ayşe Yılmaz", "tr", {"en": "Ayşe", "tr": "Ayşe"}, {}, "AY"),
    ("daniel", "Daniel Brooks", "en", {"en": "Daniel"}, {}, "DB"),
    ("maryam", "Maryam Ahmadi", "fa", {"en": "Maryam", "fa": "مریم"}, {"fa": "مریم احمدی"}, "MA"),
    ("emre", "Emre Koç", "tr", {"en": "Emre", "tr": "Emre"}, {}, "EK"),
    ("sophie", "Sophie Laurent", "en", {"en": "Sophie"}, {}, "SL"),
    ("reza", "رضا کریمی", "fa", {"en": "Reza", "fa": "رضا"}, {"en": "Reza Karimi"}, "RK"),
]
AG = {a[0]: dict(id=a[0], name=a[1], language=a[2], first=a[3], full=a[4], initials=a[5]) for a in AGENTS}
AGENT_IDS = [a[0] for a in AGENTS]
assert AGENT_IDS[0] == ME

# who works which language queue (weights)
QUEUE = {
    "en": [("ayse", 20), ("daniel", 30), ("sophie", 28), ("emre", 8), ("maryam", 9), ("reza", 5)],
    "tr": [("ayse", 58), ("emre", 42)],
    "fa": [("maryam", 60), ("reza", 40)],
    "api": [("daniel", 40), ("sophie", 35), ("emre", 25)],
}
SIGNOFF = {
    "en": {"ayse": "Kind regards,", "daniel": "Best,", "sophie": "Cheers,", "emre": "Best regards,",
           "maryam": "Warm regards,", "reza": "Thanks,"},
    "tr": {"ayse": "İyi günler dilerim,", "emre": "Saygılarımla,"},
    "fa": {"maryam": "با احترام،", "reza": "با سپاس،"},
}
TEAM_LINE = {"en": "Lumen Home Support", "tr": "Lumen Home Müşteri Hizmetleri", "fa": "پشتیبانی لومن هوم"}


def agent_first(aid, lang):
    return AG[aid]["first"].get(lang) or AG[aid]["first"]["en"]


def agent_full(aid, lang):
    return AG[aid]["full"].get(lang) or AG[aid]["name"]


EN_PEOPLE = [
    ("Emily Carter", "US", "Carter Studio"), ("James O'Connor", "IE", None), ("Priya Patel", "GB", None),
    ("Michael Nguyen", "US", None), ("Sarah Johnson", "US", None), ("David Kim", "US", "Kim & Lee Dental"),
    ("Olivia Bennett", "GB", None), ("Noah Williams", "CA", None), ("Hannah Schmidt", "CA", None),
    ("Lucas Martin", "AU", None), ("Grace Thompson", "GB", None), ("Chloe Davies", "GB", "Davies & Rowe Architects"),
    ("Marcus Reed", "US", "Reed's Bakery"), ("Aisha Bello", "GB", None), ("Tom Fletcher", "GB", None),
    ("Jessica Alvarez", "US", None), ("Kevin O'Brien", "US", None), ("Navid Rahimi", "CA", None),
    ("Leila Hosseini", "US", None), ("Deniz Arslan", "US", None), ("Ben Cohen", "US", "Cohen Property Management"),
    ("Laura Mitchell", "AU", None), ("Samuel Okafor", "GB", "Okafor Logistics Ltd"), ("Mia Rossi", "US", None),
    ("Jack Turner", "GB", None), ("Isabella Garcia", "US", None), ("Ryan Walsh", "IE", None),
    ("Zoe Campbell", "AU", None), ("Anna Kowalski", "US", None), ("Chris Morgan", "US", "Morgan Veterinary Clinic"),
    ("Fatima Khan", "GB", None), ("Henry Clarke", "GB", None), ("Amelia Wright", "AU", None),
    ("Jacob Miller", "US", None), ("Ella Murphy", "IE", None), ("Owen Price", "GB", "Price & Co Estate Agents"),
    ("Nora Lindqvist", "US", None), ("Carlos Mendes", "US", "Mendes Coffee Roasters"),
]
TR_PEOPLE = [
    ("Zeynep Kaya", "F", None), ("Mehmet Demir", "M", None), ("Elif Şahin", "F", None),
    ("Burak Yıldız", "M", None), ("Merve Çelik", "F", None), ("Oğuz Aydın", "M", None),
    ("Selin Arslan", "F", None), ("Can Öztürk", "M", None), ("Gökhan Polat", "M", "Polat Mimarlık Ltd. Şti."),
    ("Deniz Ertürk", "F", None), ("Hakan Kurt", "M", "Kurt Lojistik A.Ş."), ("Esra Doğan", "F", None),
    ("Serkan Aksoy", "M", "Aksoy Diş Kliniği"), ("Büşra Yalçın", "F", None), ("İbrahim Güneş", "M", None),
    ("Tuğba Kılıç", "F", None), ("Cem Özkan", "M", "Özkan Kafe & Pastane"), ("Gülşen Acar", "F", None),
]
FA_PEOPLE = [
    ("سارا محمدی", "sara.mohammadi", "F", None), ("علی رضایی", "ali.rezaei", "M", None),
    ("نگار حسینی", "negar.hosseini", "F", None), ("محمد جعفری", "m.jafari", "M", None),
    ("زهرا موسوی", "zahra.mousavi", "F", "کلینیک دندانپزشکی لبخند"),
    ("امیرحسین صادقی", "amirhossein.sadeghi", "M", None), ("فاطمه قاسمی", "fatemeh.ghasemi", "F", None),
    ("حسین نوری", "hossein.noori", "M", "بازرگانی نوری"), ("پریسا رحیمی", "parisa.rahimi", "F", None),
    ("مهدی کاظمی", "mahdi.kazemi", "M", None), ("الهام شریفی", "elham.sharifi", "F", None),
    ("کیان مرادی", "kian.moradi", "M", None), ("شیما اکبری", "shima.akbari", "F", None),
    ("بهنام یزدانی", "behnam.yazdani", "M", "شرکت طراحی داخلی آرتا"),
]
INTEGRATIONS = [
    ("payments", "Payments integration", "payments-webhooks@integrations.lumenhome.example", "Payment provider webhooks"),
    ("wms", "Warehouse WMS", "wms-alerts@integrations.lumenhome.example", "Warehouse management system"),
    ("carrier", "Carrier events", "carrier-events@integrations.lumenhome.example", "UPS / DHL tracking events"),
    ("monitor", "Shop monitoring", "alerts@integrations.lumenhome.example", "Checkout monitoring alerts"),
]
API_SOURCE = {"en:api_payment_webhook": "payments", "en:api_fraud_review": "payments",
              "en:api_stock_sync": "wms", "en:api_carrier_exception": "carrier",
              "en:api_checkout_errors": "monitor"}

COUNTRY = {
    "US": dict(tz=["America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles"], cur="USD"),
    "CA": dict(tz=["America/Toronto", "America/Vancouver"], cur="CAD"),
    "GB": dict(tz=["Europe/London"], cur="GBP"),
    "IE": dict(tz=["Europe/Dublin"], cur="EUR"),
    "AU": dict(tz=["Australia/Sydney", "Australia/Melbourne"], cur="AUD"),
    "TR": dict(tz=["Europe/Istanbul"], cur="TRY"),
    "IR": dict(tz=["Asia/Tehran"], cur="IRT"),
}
ADDRESSES = {
    "US": ["2118 Fulton St, Apt 3\nSan Francisco, CA 94117", "77 Pinecrest Rd\nDurham, NC 27705",
           "4410 N Clark St, Unit 2F\nChicago, IL 60640", "918 Alder Way\nBoulder, CO 80304",
           "35 Linden Ave, Apt 5C\nBrooklyn, NY 11226"],
    "CA": ["305-1120 Bay St\nToronto, ON M5S 2A9", "2241 W 7th Ave\nVancouver, BC V6K 1Y3"],
    "GB": ["Flat 12, 48 Hartley Road\nLeeds LS6 2AB", "7 Mill Lane\nCambridge CB2 1RX",
           "22 Albert Street\nBristol BS5 9PL"],
    "IE": ["14 Rathmines Park\nDublin 6, D06 X2K7", "3 Sunday's Well Road\nCork T23 E2P4"],
    "AU": ["23 Wattle Street\nFitzroy VIC 3065", "8/41 Bondi Road\nBondi NSW 2026"],
    "TR": ["Caferağa Mah. Moda Cad. No: 41 D: 6\nKadıköy / İstanbul", "Çankaya Mah. Atatürk Blv. No: 112 D: 9\nÇankaya / Ankara",
           "Alsancak Mah. 1453 Sok. No: 7 D: 3\nKonak / İzmir", "Bağdat Cad. No: 289 D: 12\nSuadiye, Kadıköy / İstanbul",
           "Beşevler Mah. Kaplıca Sok. No: 15\nNilüfer / Bursa"],
    "IR": [_z("fa", "تهران، سعادت_آباد، خیابان سرو غربی، کوچهٔ نیلوفر، پلاک ۱۲، واحد ۴\nکد پستی: ۱۹۹۸۷۶۵۴۳۲"),
           _z("fa", "اصفهان، خیابان چهارباغ بالا، کوچهٔ ۱۴، پلاک ۸\nکد پستی: ۸۱۴۳۷۶۵۹۱۱"),
           _z("fa", "شیراز، بلوار چمران، کوچهٔ ۲۱، ساختمان یاس، طبقهٔ دوم"),
           _z("fa", "تبریز، خیابان ولیعصر، خیابان فروغی، پلاک ۳۰"),
           _z("fa", "مشهد، بلوار وکیل_آباد، وکیل_آباد ۱۲، پلاک ۴۶")],
}
TR_TAX_OFFICES = ["Kadıköy", "Beşiktaş", "Ostim", "Bornova", "Nilüfer", "Kozyatağı"]
FA_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
TR_FOLD = str.maketrans("çğıİöşüÇĞÖŞÜ", "cgiiosucgosu")


def fa_digits(s):
    return s.translate(FA_DIGITS)


def rint(a, b):
    return R.randint(int(a), int(b))


def wchoice(pairs):
    total = sum(w for _, w in pairs)
    x = R.uniform(0, total)
    for item, w in pairs:
        x -= w
        if x <= 0:
            return item
    return pairs[-1][0]


def digits(n):
    return "".join(str(R.randint(0, 9)) for _ in range(n))


def slug(s):
    return re.sub(r"[^a-z0-9]+", "", s.lower().translate(TR_FOLD))


USED_ORDERS = set()


def new_order_number():
    while True:
        n = "LH-%d" % R.randint(200000, 219999)
        if n not in USED_ORDERS:
            USED_ORDERS.add(n)
            return n


def make_email(first, last):
    f, l = slug(first), slug(last)
    dom = R.choice(["example.com", "example.com", "example.net", "example.org"])
    style = R.randint(0, 4)
    user = [f + "." + l, f + l, f[0] + l, f + "." + l + str(R.randint(2, 99)), f + "_" + l[:4]][style]
    return user + "@" + dom


def make_phone(country):
    if country == "US":
        return "+1 %s 555 01%02d" % (R.choice(["415", "312", "718", "303", "919", "206"]), R.randint(0, 99))
    if country == "CA":
        return "+1 %s 555 01%02d" % (R.choice(["416", "604"]), R.randint(0, 99))
    if country == "GB":
        return "+44 7700 900%03d" % R.randint(0, 999)
    if country == "IE":
        return "+353 85 555 %04d" % R.randint(0, 9999)
    if country == "AU":
        return "+61 491 570 %03d" % R.randint(100, 999)
    if country == "TR":
        return "+90 5%d%d %s %s %s" % (R.randint(3, 5), R.randint(0, 9), digits(3), digits(2), digits(2))
    return "+98 9%d%d %s %s" % (R.randint(1, 3), R.randint(0, 9), digits(3), digits(4))


def make_customers():
    people = []
    for name, country, org in EN_PEOPLE:
        first, last = name.split(" ", 1)
        people.append(dict(lang="en", name=name, first=first, last=last, country=country, org=org,
                           gender=None, email=make_email(first, last)))
    for name, gender, org in TR_PEOPLE:
        first, last = name.split(" ", 1)
        people.append(dict(lang="tr", name=name, first=first, last=last, country="TR", org=org,
                           gender=gender, email=make_email(first, last)))
    for name, latin, gender, org in FA_PEOPLE:
        first, last = name.split(" ", 1)
        dom = R.choice(["example.com", "example.com", "example.net"])
        people.append(dict(lang="fa", name=name, first=first, last=last, country="IR", org=org,
                           gender=gender, email=latin + "@" + dom))
    R.shuffle(people)
    out = []
    for i, p in enumerate(people):
        c = dict(p)
        c["id"] = "c%03d" % (i + 1)
        info = COUNTRY[c["country"]]
        c["tz"] = R.choice(info["tz"])
        c["cur"] = info["cur"]
        c["phones"] = [make_phone(c["country"])] if R.random() < 0.75 else []
        if c["org"]:
            c["plan"] = "Business" if R.random() < 0.8 else "Plus"
        else:
            c["plan"] = wchoice([("Free", 50), ("Plus", 42), ("Business", 8)])
        c["orders"] = [new_order_number() for _ in range(R.choice([1, 1, 2, 2, 2, 3, 3, 4]))]
        c["weight"] = R.choice([0.5, 0.8, 1.0, 1.0, 1.2, 1.5, 2.0])
        c["vip"] = c["plan"] == "Business" or R.random() < 0.06
        c["handle"] = {"en": slug(c["first"]) + R.choice(["", "_", "."]) + slug(c["last"]) + R.choice(["", "", str(R.randint(1, 99))]),
                       "tr": slug(c["first"]) + slug(c["last"]) + R.choice(["", "34", "06", "35", "_"]),
                       "fa": c["email"].split("@")[0].replace(".", "_") + R.choice(["", "_", "70", "98"])}[c["lang"]]
        c["addr_new"] = R.choice(ADDRESSES[c["country"]])
        c["vat"] = {"US": "EIN 84-%s" % digits(7), "CA": "BN %s RT0001" % digits(9), "GB": "GB %s %s %s" % (digits(3), digits(4), digits(2)),
                    "IE": "IE %sT" % digits(7), "AU": "ABN %s %s %s %s" % (digits(2), digits(3), digits(3), digits(3)),
                    "TR": digits(10), "IR": digits(10)}[c["country"]]
        c["taxoffice"] = R.choice(TR_TAX_OFFICES)
        c["natid"] = fa_digits("1" + digits(10))
        c["econ"] = fa_digits("4" + digits(11))
        c["acctemail"] = "accounts@" + (slug(c["org"] or c["last"]) or "company") + ".example"
        c["card"] = digits(4)
        out.append(c)
    for i, (src, name, email, desc) in enumerate(INTEGRATIONS):
        out.append(dict(id="c%03d" % (len(people) + i + 1), lang="en", name=name, first=name, last="",
                        country=None, org="Lumen Home (internal)", gender=None, email=email, tz="UTC", cur="USD",
                        phones=[], plan=None, orders=[], weight=0, vip=False, handle="", integration=src,
                        desc=desc, addr_new="", vat="", taxoffice="", natid="", econ="", acctemail="", card=""))
    return out


# =====================================================================
# Formatting helpers
# =====================================================================
CUR_SYMBOL = {"USD": "$", "CAD": "$", "GBP": "£", "EUR": "€", "AUD": "A$"}


def fmt_amount(value, cur):
    v = float(value)
    if cur in CUR_SYMBOL:
        s = ("%.2f" % v) if v != int(v) else ("%d" % v)
        return CUR_SYMBOL[cur] + s
    if cur == "TRY":
        whole = "{:,}".format(int(v)).replace(",", ".")
        if v != int(v):
            return "%s,%02d TL" % (whole, round((v - int(v)) * 100))
        return whole + " TL"
    # Iranian toman, Persian digits with Arabic thousands separator
    return fa_digits("{:,}".format(int(v)).replace(",", "\u066c")) + " تومان"


PH_RE = re.compile(r"\{([a-z0-9]+)(?::([0-9.]+))?\}")


def fill(text, ctx, inbound=False):
    """Replace {placeholders}; Persian customers sometimes type Persian digits."""
    def rep(m):
        key, arg = m.group(1), m.group(2)
        if key == "amt":
            return fmt_amount(arg, ctx["cur"])
        if key not in ctx:
            raise KeyError("unknown placeholder {%s} in %r" % (key, text[:60]))
        val = ctx[key]
        if inbound and ctx.get("pdig") and key in ("order", "order2"):
            val = fa_digits(val)
        return val
    return PH_RE.sub(rep, text)


URL_RE = re.compile(r"(https://[^\s<]+[^\s<.,)])")


QUOTE_MARK = "<!--quote-->"  # where inline images go; removed on output


def to_html(text, lang, quote=None):
    def para(block):
        esc = html.escape(block, quote=False)
        esc = URL_RE.sub(lambda m: '<a href="%s">%s</a>' % (m.group(1), m.group(1)), esc)
        return "<p>" + esc.replace("\n", "<br>") + "</p>"
    body = "".join(para(b) for b in text.split("\n\n") if b.strip())
    if quote:
        # each language's customers quote the way their usual mail app does:
        # Gmail, Outlook on the web, Apple Mail
        head, qtext = quote
        ehead = html.escape(head, quote=False)
        qhtml = "".join(para(b) for b in qtext.split("\n\n") if b.strip())
        body += QUOTE_MARK
        if lang == "en":
            body += '<br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">' + ehead + \
                '<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;' \
                'border-left:1px solid rgb(204,204,204);padding-left:1ex">' + qhtml + "</blockquote></div>"
        elif lang == "tr":
            body += '<div id="appendonsend"></div><hr style="display:inline-block;width:98%">' \
                '<div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif">' + ehead + \
                "</font><div>&nbsp;</div></div>" + qhtml
        else:
            body += "<div><br><blockquote type=\"cite\"><div>" + ehead + "</div>" + qhtml + "</blockquote></div>"
    if lang == "fa":
        return '<div dir="rtl">' + body + "</div>"
    return body


SHOWCASE = []
SHOWCASE_URL = "https://help.mailprovider.example/quarantine"
SHOWCASE_TEXT = ("In case it helps with other customers: my mail provider had put your first mails in "
                 "quarantine, screenshot below. Their help page explains how to release them: " + SHOWCASE_URL)
SHOWCASE_HTML = ('<p>In case it helps with other customers: my mail provider had put your first mails in '
                 '<b>quarantine</b>, screenshot below. Their help page explains how to release them: '
                 '<a href="%s">%s</a></p><div><img src="cid:ii_lq3x9f0a1" alt="quarantine.png" '
                 'width="540" height="214"><br></div>' % (SHOWCASE_URL, SHOWCASE_URL))


def inline_images(h, atts):
    """Puts a customer's photos and screenshots into the mail's text, as
    mail apps do; the images stay attachments too."""
    imgs = "".join('<div><img src="cid:%s@lumenhome.example" alt="%s"></div>' % (a["name"], a["name"])
                   for a in atts or () if a["mime"].startswith("image/"))
    if QUOTE_MARK in h:
        return h.replace(QUOTE_MARK, imgs, 1)
    if h.endswith("</div>") and h.startswith('<div dir="rtl">'):
        return h[:-len("</div>")] + imgs + "</div>"
    return h + imgs


GREETING_WORDS = ("hi", "hello", "hey", "dear", "merhaba", "selam", "iyi günler", "سلام", "با سلام")

CUST_OPEN = {
    "en": ["Hi,", "Hello,", "Hi there,", "", "", "Hey,"],
    "tr": ["Merhaba,", "İyi günler,", "Merhabalar,", "", ""],
    "fa": ["سلام،", "سلام، وقت بخیر", "سلام و عرض ادب", "", ""],
}
CUST_CLOSE = {
    "en": ["Thanks,\n{first}", "Thanks!", "{first}", "Regards,\n{name}", "", "", "Sent from my iPhone"],
    "tr": ["Teşekkürler.", "İyi çalışmalar.", "Teşekkürler,\n{name}", "{name}", "", ""],
    "fa": ["ممنون", "با تشکر\n{name}", "پیشاپیش ممنون", "", "", "{first}"],
}
QUOTE_HEAD = {"en": "{agent} <support@lumenhome.example> wrote:",
              "tr": "{agent} <destek@lumenhome.example> şunu yazdı:",
              "fa": "{agent} <support@lumenhome.example> نوشت:"}
CHASERS = {
    "en": ["Any update on this?", "Hello? Still waiting for an answer here.",
           "Just following up on my message below, could someone please get back to me?"],
    "tr": ["Herhangi bir gelişme var mı?", "Merhaba, hâlâ dönüş bekliyorum.",
           "Aşağıdaki mesajıma dönüş yapabilir misiniz lütfen?"],
    "fa": [_z("fa", "خبری نشد؟"), _z("fa", "سلام، هنوز منتظر جواب هستم."),
           _z("fa", "لطفاً به پیام قبلی_م جواب بدید.")],
}
DUPLICATE_TEXT = {
    "en": "Sorry, not sure my email went through, so I'm sending this through the form as well. It's about order {order}, I wrote to you earlier today.",
    "tr": "Mail attım ama ulaştı mı emin olamadım, buradan da yazıyorum. {order} numaralı siparişimle ilgili, bugün e-posta göndermiştim.",
    "fa": _z("fa", "ایمیل هم فرستادم ولی مطمئن نیستم رسیده باشه، برای همین این_جا هم می_نویسم. درباره سفارش {order} هست."),
}
FORM_LABELS = {
    "en": ("Name", "Email", "Phone", "Order number", "Topic", "Message"),
    "tr": ("Ad Soyad", "E-posta", "Telefon", "Sipariş numarası", "Konu", "Mesaj"),
    "fa": ("نام و نام خانوادگی", "ایمیل", "تلفن", "شمارهٔ سفارش", "موضوع", "پیام"),
}
TOPIC_LABELS = {
    "en": {"orders": "Orders & delivery", "returns": "Returns & refunds", "billing": "Billing & payments",
           "account": "Account & login", "technical": "Technical support", "general": "General question"},
    "tr": {"orders": "Sipariş ve teslimat", "returns": "İade ve değişim", "billing": "Fatura ve ödeme",
           "account": "Hesap ve giriş", "technical": "Teknik destek", "general": "Genel soru"},
    "fa": {"orders": "سفارش و ارسال", "returns": "مرجوعی و بازگشت وجه", "billing": "صورتحساب و پرداخت",
           "account": "حساب کاربری و ورود", "technical": "پشتیبانی فنی", "general": "سؤال عمومی"},
}
MARKET_HEAD = {
    "amazon": "Amazon order {mkt}",
    "trendyol": "Trendyol · Sipariş no: {mkt}",
    "hepsiburada": "Hepsiburada · Sipariş no: {mkt}",
    "digikala": _z("fa", "دیجی_کالا · کد سفارش: {mkt}"),
}


def market_number(market):
    if market == "amazon":
        return "%s-%s-%s" % (R.choice(["111", "113", "114"]), digits(7), digits(7))
    if market == "trendyol":
        return "1" + digits(9)
    if market == "hepsiburada":
        return "4" + digits(8)
    return "DKC-" + digits(9)


def attachment(kind, ctx):
    if kind is None:
        return []
    if kind.startswith("pdf:"):
        name = fill(kind[4:], ctx)
        return [dict(name=name, mime="application/pdf", size=rint(64000, 240000))]
    if kind == "photo":
        return [dict(name="IMG_%d.jpg" % rint(1000, 9999), mime="image/jpeg", size=rint(1300000, 4800000))]
    if kind == "photo2":
        n = rint(1000, 9990)
        return [dict(name="IMG_%d.jpg" % n, mime="image/jpeg", size=rint(1300000, 4800000)),
                dict(name="IMG_%d.jpg" % (n + rint(1, 6)), mime="image/jpeg", size=rint(1300000, 4800000))]
    if kind == "screenshot":
        return [dict(name=R.choice(["Screenshot_%d.png" % rint(100, 999), "screenshot.png", "Screen Shot %d.png" % rint(1, 9)]),
                     mime="image/png", size=rint(140000, 950000))]
    if kind == "log":
        return [dict(name="lumen-app-%d.log" % rint(1000, 9999), mime="text/plain", size=rint(38000, 620000))]
    if kind == "json":
        return [dict(name="event_%s.json" % "".join(R.choice("abcdef0123456789") for _ in range(12)),
                     mime="application/json", size=rint(1800, 7800))]
    if kind == "video":
        return [dict(name="VID_%d.mp4" % rint(1000, 9999), mime="video/mp4", size=rint(6000000, 24000000))]
    raise ValueError(kind)


# =====================================================================
# Timing
# =====================================================================
def first_response_gap(channel):
    if channel == "chat":
        return rint(15, 240) if R.random() < 0.9 else rint(20 * MIN, 9 * HOUR)
    if channel == "social":
        return rint(8 * MIN, 4 * HOUR)
    x = R.random()
    if x < 0.46:
        return rint(4 * MIN, 60 * MIN)
    if x < 0.80:
        return rint(1 * HOUR, 4 * HOUR)
    if x < 0.92:
        return rint(4 * HOUR, 8 * HOUR)
    return rint(8 * HOUR, 30 * HOUR)


def agent_gap(channel):
    if channel == "chat":
        return rint(15, 120)
    return rint(8 * MIN, 5 * HOUR)


def customer_gap(channel):
    if channel == "chat":
        return rint(10, 100)
    if channel == "social":
        return rint(4 * MIN, 2 * HOUR)
    x = R.random()
    if x < 0.5:
        return rint(10 * MIN, 3 * HOUR)
    if x < 0.85:
        return rint(3 * HOUR, 24 * HOUR)
    return rint(1 * DAY, 3 * DAY)


SLA = {"urgent": (1 * HOUR, 4 * HOUR), "high": (4 * HOUR, 24 * HOUR),
       "normal": (8 * HOUR, 48 * HOUR), "low": (24 * HOUR, 96 * HOUR)}

# =====================================================================
# Ticket assembly
# =====================================================================
KIND_OF = {"email": "email", "web": "email", "chat": "chat", "phone": "phone", "social": "social",
           "marketplace": "market", "api": "api"}
CHANNEL_W = {
    "en": [("email", 42), ("chat", 22), ("web", 13), ("phone", 7), ("social", 7), ("marketplace", 7)],
    "tr": [("email", 34), ("chat", 24), ("web", 13), ("phone", 8), ("social", 8), ("marketplace", 11)],
    "fa": [("email", 33), ("chat", 26), ("web", 14), ("phone", 7), ("social", 9), ("marketplace", 11)],
}
N_TICKETS = 332          # not counting the duplicates created for merges
N_API = 12
N_LAST_DAY = 40
PERSIAN_RE = re.compile(r"[\u0600-\u06FF]")
TURKISH_RE = re.compile(r"[ğışçöüİĞŞÇÖÜ]")

SCEN_BY = {}
for _s in SCENARIOS:
    SCEN_BY.setdefault((_s["lang"], _s["kind"]), []).append(_s)
USAGE = {s["key"]: 0 for s in SCENARIOS}


def cut_points(scn, status, age=None):
    """Where the script may stop for a ticket in this status (and this old)."""
    steps = scn["steps"]
    if status == "new":
        return [0] if scn["kind"] != "phone" else []
    pts = []
    for k in range(len(steps) + 1):
        last = steps[k - 1][0] if k else None
        if age is not None and age < 2.5 * DAY and any(st[3] for st in steps[:k]):
            continue
        if status == "open" and (k == 0 or last in ("A", "C", "N")):
            pts.append(k)
        elif status == "pending" and last == "A?":
            pts.append(k)
        elif status == "on-hold" and last == "H":
            pts.append(k)
        elif status in ("solved", "closed") and last in ("A!", "N!"):
            pts.append(k)
    return pts


def need_ok(scn, cust):
    if scn["need"] == "sub":
        return cust["plan"] in ("Plus", "Business")
    if scn["need"] == "biz":
        return bool(cust["org"])
    return True


def pick_scenario(lang, kind, status, cust, used, age):
    cands = [s for s in SCEN_BY.get((lang, kind), [])
             if need_ok(s, cust) and cut_points(s, status, age) and s["key"] not in used]
    if not cands:
        return None
    if status == "open" and age > 2 * DAY:
        # old open tickets should show some work already done where possible
        worked = [s for s in cands if max(cut_points(s, status, age)) > 0]
        cands = worked or cands
    low = min(USAGE[s["key"]] for s in cands)
    best = [s for s in cands if USAGE[s["key"]] <= low]
    s = R.choice(best)
    USAGE[s["key"]] += 1
    return s


def pick_mate(author, text, lang):
    if PERSIAN_RE.search(text.replace("{mate}", "")):
        pool = ["maryam", "reza"]
    elif lang == "tr" and TURKISH_RE.search(text):
        pool = ["ayse", "emre"]
    else:
        pool = list(AGENT_IDS)
    pool = [a for a in pool if a != author]
    if ME in pool and R.random() < 0.45:
        return ME
    return R.choice(pool)


def agent_greeting(lang, ctx):
    if lang == "en":
        return R.choice(["Hi {first},", "Hello {first},", "Hi {first},"]).format(**ctx)
    if lang == "tr":
        return "Merhaba %s," % ctx["hon"]
    return R.choice(["سلام %s، وقت بخیر." % ctx["hon"], "%s عزیز، سلام." % ctx["hon"], "با سلام و احترام،"])


def wrap_agent(body, aid, lang, channel, ctx, greeting):
    if channel in ("email", "web", "phone"):
        sign = SIGNOFF[lang].get(aid) or SIGNOFF["en"][aid]
        return "%s\n\n%s\n\n%s\n%s\n%s" % (greeting, body, sign, agent_first(aid, lang), TEAM_LINE[lang])
    if channel == "marketplace":
        return "%s\n\n%s · %s" % (body, agent_first(aid, lang), "لومن هوم" if lang == "fa" else "Lumen Home")
    if channel == "social" and lang != "fa":
        return "%s ^%s" % (body, AG[aid]["initials"])
    return body


def wrap_customer_first(body, scn, lang, channel, ctx):
    if channel == "web":
        lab = FORM_LABELS[lang]
        order = ctx["order"] if ("{order}" in "".join(scn["first"]) or scn["topic"] in ("orders", "returns")) else "-"
        if lang == "fa" and ctx.get("pdig") and order != "-":
            order = fa_digits(order)
        phone = ctx["phone"] or "-"
        return "%s: %s\n%s: %s\n%s: %s\n%s: %s\n%s: %s\n\n%s:\n%s" % (
            lab[0], ctx["name"], lab[1], ctx["email"], lab[2], phone, lab[3], order,
            lab[4], TOPIC_LABELS[lang][scn["topic"]], lab[5], body)
    if channel == "marketplace":
        return MARKET_HEAD[scn["market"]].format(mkt=ctx["mkt"]) + "\n\n" + body
    if channel != "email" or scn["raw"]:
        return body
    parts = []
    if not body.lower().startswith(GREETING_WORDS):
        g = R.choice(CUST_OPEN[lang])
        if g:
            parts.append(g)
    parts.append(body)
    c = R.choice(CUST_CLOSE[lang])
    if c:
        parts.append(c.format(first=ctx["first"], name=ctx["name"]))
    return "\n\n".join(parts)


def wrap_customer_followup(body, lang, channel, ctx):
    if channel in ("email", "web", "phone") and R.random() < 0.35:
        c = R.choice(CUST_CLOSE[lang])
        if c:
            return body + "\n\n" + c.format(first=ctx["first"], name=ctx["name"])
    return body


def ev_text(ev):
    if ev["type"] == "status":
        return "Status changed from %s to %s" % (ev["from"], ev["to"])
    if ev["type"] == "priority":
        return "Priority changed from %s to %s" % (ev["from"], ev["to"])
    if ev["type"] == "assign":
        if ev["to"] is None:
            return "Unassigned (was %s)" % AG[ev["from"]]["name"]
        return "Assigned to %s" % AG[ev["to"]]["name"]
    raise ValueError(ev)


def make_ctx(t, cust, lang):
    ctx = dict(first=cust["first"], last=cust["last"], name=cust["name"], email=cust["email"],
               phone=cust["phones"][0] if cust["phones"] else "", cur=cust["cur"],
               org=cust["org"] or "", vat=cust["vat"], taxoffice=cust["taxoffice"], natid=cust["natid"],
               econ=cust["econ"], acctemail=cust["acctemail"], addr=cust["addr_new"], card=cust["card"],
               handle=cust["handle"], rma="RMA-%s" % digits(5), ref="%s-%s" % (R.choice(["RF", "TX", "Q"]), digits(7)),
               code="LUMEN-" + "".join(R.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(5)),
               order2=new_order_number(), mkt="", pdig=False,
               sn="%s%d-%04d" % (R.choice("KTLM"), R.randint(8700, 8899), R.randint(1, 9999)))
    if cust.get("integration"):
        owner = t["order_owner"]
        ctx["order"] = R.choice(owner["orders"])
    else:
        ctx["order"] = cust["orders"][-1] if R.random() < 0.6 else R.choice(cust["orders"])
    if lang == "en":
        ctx["hon"] = cust["first"]
        ctx["track"] = "1Z%s%s" % ("".join(R.choice("0123456789ABCDEFGHJKLMNPRSTVWXY") for _ in range(6)), digits(10))
        ctx["trace"] = "T" + digits(9)
    elif lang == "tr":
        ctx["hon"] = cust["first"] + (" Hanım" if cust["gender"] == "F" else " Bey")
        ctx["track"] = digits(12)
        ctx["trace"] = "KYT-" + digits(7)
    else:
        ctx["hon"] = ("خانم " if cust["gender"] == "F" else "آقای ") + cust["last"]
        ctx["track"] = digits(12)
        ctx["trace"] = digits(8)
        ctx["pdig"] = R.random() < 0.4
    return ctx


def build_ticket(t, scn, k):
    ch, lang, cust = t["channel"], t["lang"], t["cust"]
    ag = t["assignee"]
    ctx = t["ctx"]
    seq = []
    followers = []
    info = dict(reopened=False, mentions=[])

    def add(gap, kind, direction, author, text, event=None, att=None, html_=None):
        m = {"gap": gap, "kind": kind, "direction": direction, "author": author, "text": text}
        if html_:
            m["html"] = html_
        if event:
            m["event"] = event
            m["text"] = ev_text(event)
        if att:
            m["attachments"] = att
        seq.append(m)
        return m

    # -- first message(s)
    if ch == "phone":
        add(0, "note", "out", ag, fill(scn["first"][0], ctx))
        add(rint(15, 90), "reply", "in", cust["id"], fill(scn["said"], ctx, inbound=True))
    else:
        body = fill(R.choice(scn["first"]), ctx, inbound=True)
        text = wrap_customer_first(body, scn, lang, ch, ctx)
        att = attachment(scn["att"], ctx) if (scn["att"] and R.random() < 0.85) else None
        if not att and ch not in ("api", "social") and R.random() < {"technical": 0.45, "returns": 0.3, "billing": 0.1}.get(scn["topic"], 0):
            att = attachment({"returns": "photo", "billing": "screenshot"}.get(scn["topic"]) or R.choice(["photo", "screenshot"]), ctx)
        h = to_html(text, lang) if (ch == "email" and R.random() < 0.12) else None
        add(0, "reply", "in", cust["id"], text, att=att, html_=h)

    status = "new"
    first_action = True
    greeting = agent_greeting(lang, ctx)
    last_public_out = None
    fr = rint(5 * MIN, 2 * HOUR) if ch == "phone" else first_response_gap(ch)
    elapsed = 0

    # -- triage: assignment and priority events before the first agent action
    if ag and ch != "phone" and (k == 0 or R.random() < 0.15):
        g = max(3, int(fr * R.uniform(0.05, 0.5)))
        who = None if R.random() < 0.4 else (ag if (R.random() < 0.55 or ag == ME) else ME)
        add(g, "event", "out", who, "", event={"type": "assign", "from": None, "to": ag})
        elapsed += g
    if ag and t["priority"] in ("high", "urgent") and ch != "api" and R.random() < 0.2:
        g = max(2, int((fr - elapsed) * R.uniform(0.1, 0.6)))
        add(g, "event", "out", ag, "", event={"type": "priority", "from": "normal", "to": t["priority"]})
        elapsed += g

    def gap_for_agent():
        nonlocal first_action
        if first_action:
            first_action = False
            return max(5 if ch == "chat" else 30, fr - elapsed)
        return agent_gap(ch)

    steps = scn["steps"][:k]
    for i, (tok, raw_text, attspec, later) in enumerate(steps):
        final = i == len(steps) - 1
        if tok in ("A", "A?", "A!"):
            body = fill(raw_text, ctx)
            text = wrap_agent(body, ag, lang, ch, ctx, greeting)
            att = attachment(attspec, ctx) if attspec else None
            h = None
            if ch in ("email", "web", "phone") and ("https://" in text or R.random() < 0.06):
                h = to_html(text, lang)
            g = gap_for_agent()
            add(rint(20 * HOUR, 2 * DAY) if later else g, "reply", "out", ag, text, att=att, html_=h)
            last_public_out = text
            prev = status
            if tok == "A?":
                status = "pending"
                if R.random() < (0.35 if final else 0.15):
                    add(rint(2, 40), "event", "out", ag, "", event={"type": "status", "from": "open" if prev == "new" else prev, "to": "pending"})
            elif tok == "A!" and (final or (ch not in ("chat", "social") and R.random() < 0.6)):
                status = "solved"
                if final and R.random() > 0.45:
                    pass  # solved silently (no event recorded)
                else:
                    add(rint(2, 40), "event", "out", ag, "", event={"type": "status", "from": "open" if prev == "new" else prev, "to": "solved"})
            else:
                status = "open"
        elif tok == "C":
            body = fill(raw_text, ctx, inbound=True)
            text = wrap_customer_followup(body, lang, ch, ctx)
            h = None
            if ch in ("email", "web", "phone") and last_public_out and R.random() < 0.2:
                head = QUOTE_HEAD[lang].format(agent=agent_full(ag, lang))
                qlines = last_public_out.split("\n")
                text = text + "\n\n" + head + "\n" + "\n".join(("> " + l) if l else ">" for l in qlines)
                h = to_html(body, lang, quote=(head, "\n".join(qlines)))
                if lang == "en" and ch == "email" and not SHOWCASE:
                    # one reply shows all an HTML mail can bring: a link, a
                    # pasted screenshot and Gmail's folded history
                    SHOWCASE.append(True)
                    text = text.replace(body, body + "\n\n" + SHOWCASE_TEXT, 1)
                    h = to_html(body, lang, quote=(head, "\n".join(qlines))).replace(
                        QUOTE_MARK, SHOWCASE_HTML + QUOTE_MARK, 1)
            att = attachment(attspec, ctx) if attspec else None
            if not att and R.random() < 0.1:
                att = attachment(R.choice(["photo", "screenshot"]), ctx)
            add(rint(20 * HOUR, 3 * DAY) if later else customer_gap(ch), "reply", "in", cust["id"], text, att=att, html_=h)
            if status == "solved":
                add(rint(1, 20), "event", "out", None, "", event={"type": "status", "from": "solved", "to": "open"})
                info["reopened"] = True
            elif status == "pending" and R.random() < 0.2:
                add(rint(1, 20), "event", "out", None, "", event={"type": "status", "from": "pending", "to": "open"})
            status = "open"
        elif tok in ("N", "N!", "H"):
            mate = pick_mate(ag, raw_text, lang) if "{mate}" in raw_text else None
            text = fill(raw_text, dict(ctx, mate=mate or ""))
            if mate:
                info["mentions"].append(mate)
            g = gap_for_agent() if first_action else (rint(10, 60) if ch == "chat" else rint(3 * MIN, 60 * MIN))
            if later:
                g = rint(20 * HOUR, 2 * DAY)
            add(g, "note", "out", ag, text)
            prev = status
            if tok == "H":
                status = "on-hold"
                if R.random() < 0.7:
                    add(rint(2, 40), "event", "out", ag, "", event={"type": "status", "from": "open" if prev == "new" else prev, "to": "on-hold"})
            elif tok == "N!":
                status = "solved"
                add(rint(2, 40), "event", "out", ag, "", event={"type": "status", "from": "open" if prev == "new" else prev, "to": "solved"})
            elif status == "new":
                status = "open"

    target = t["status"]
    if target == "open" and status == "new" and ag and R.random() < 0.3:
        add(rint(30, 20 * MIN), "event", "out", ag, "", event={"type": "status", "from": "new", "to": "open"})
    if target == "new" and ch != "chat" and -t["created"] > 1.2 * DAY and R.random() < 0.55:
        age = -t["created"]
        add(rint(age * 0.3, age * 0.85), "reply", "in", cust["id"], R.choice(CHASERS[lang]))
    if t.get("unassign_later"):
        add(rint(5 * MIN, 3 * HOUR), "event", "out", ag, "", event={"type": "assign", "from": ag, "to": None})
    return seq, info


def place_in_time(t, seq):
    created = t["created"]
    age = -created
    gaps = [m["gap"] for m in seq]
    gaps[0] = 0
    total = sum(gaps)
    margin = min(rint(60, 900), max(5, age // 10))
    avail = age - margin
    if total > avail:
        scale = avail / float(total)
        gaps = [0] + [max(1, int(g * scale)) for g in gaps[1:]]
        while sum(gaps) > avail and max(gaps) > 1:
            j = gaps.index(max(gaps))
            gaps[j] = max(1, gaps[j] - (sum(gaps) - avail))
    at = created
    for m, g in zip(seq, gaps):
        at += g
        m["at"] = at
        del m["gap"]
    return seq


REMINDERS = {
    "en": "Just checking in on this. Did you have a chance to look at my last message? If you need anything else, simply reply here.",
    "tr": "Son mesajımızla ilgili size ulaşmak istedim, fırsat bulabildiniz mi? Başka bir konuda yardıma ihtiyacınız olursa bu e-postaya yanıt vermeniz yeterli.",
    "fa": _z("fa", "خواستم دربارهٔ پیام قبلی_مان پیگیری کنم؛ فرصت کردید بررسی کنید؟ اگر کمکی لازم بود، کافی است به همین پیام پاسخ دهید."),
}


def add_staleness(t):
    """Unresolved tickets that went quiet: the customer chases, or we nudge them."""
    seq, ch, lang = t["seq"], t["channel"], t["lang"]
    last = seq[-1]["at"]
    if t["is_api"] or ch == "chat" or len(seq) >= 11:
        return
    last_public = [m for m in seq if m["kind"] == "reply"][-1]
    if t["status"] == "open" and len(seq) > 1 and last < -3 * DAY and last_public["direction"] == "in":
        at = min(-rint(2 * HOUR, min(3 * DAY, -last - HOUR)), last + rint(3 * DAY, 12 * DAY))
        seq.append({"kind": "reply", "direction": "in", "author": t["cust"]["id"], "at": at,
                    "text": R.choice(CHASERS[lang])})
    elif t["status"] == "pending" and last < -4 * DAY and ch != "social" and R.random() < 0.6:
        at = last + rint(2 * DAY, 3 * DAY)
        if at < -HOUR and t["assignee"]:
            text = wrap_agent(REMINDERS[lang], t["assignee"], lang, ch, t["ctx"], agent_greeting(lang, t["ctx"]))
            seq.append({"kind": "reply", "direction": "out", "author": t["assignee"], "at": at, "text": text})


def first_public_out(seq):
    for m in seq:
        if m["kind"] == "reply" and m["direction"] == "out":
            return m["at"]
    return 0


def main():
    customers = make_customers()
    humans = [c for c in customers if not c.get("integration")]
    integ = {c["integration"]: c for c in customers if c.get("integration")}
    by_lang = {l: [c for c in humans if c["lang"] == l] for l in ("en", "tr", "fa")}

    # ---- creation times: 40 in the last day, the rest over 90 days, recent ones more likely
    created = [-rint(4 * MIN, DAY - 10 * MIN) for _ in range(N_LAST_DAY)]
    day_w = [(d, 0.95 ** d + 0.1) for d in range(1, 90)]
    for _ in range(N_TICKETS - N_LAST_DAY):
        d = wchoice(day_w)
        created.append(-(d * DAY + rint(0, DAY - 1)))
    created.sort(reverse=True)          # most recent first

    # ---- statuses: sampled from age-dependent odds, then nudged to the exact quotas
    order = ("new", "open", "pending", "on-hold", "solved", "closed")
    odds = [  # (max age in days, weights in the order above)
        (1, (24, 9, 3, 1, 3, 0)),
        (7, (10, 30, 14, 5, 12, 0)),
        (30, (5, 42, 20, 9, 45, 8)),
        (91, (1, 9, 4, 3, 42, 44)),
    ]

    def odds_for(c):
        for max_days, w in odds:
            if -c < max_days * DAY:
                return dict(zip(order, w))
        raise AssertionError(c)

    quota = dict(zip(order, [round(N_TICKETS * p) for p in (0.12, 0.25, 0.12, 0.05, 0.30)]))
    quota["closed"] = N_TICKETS - sum(quota.values())
    statuses = [wchoice(list(odds_for(c).items())) for c in created]
    while True:
        have = {s: statuses.count(s) for s in order}
        over = [s for s in order if have[s] > quota[s]]
        under = [s for s in order if have[s] < quota[s]]
        if not over:
            break
        s_to = under[0]
        best = max(odds_for(created[i])[s_to] for i in range(N_TICKETS) if statuses[i] in over)
        pool = [i for i in range(N_TICKETS) if statuses[i] in over and odds_for(created[i])[s_to] == best]
        statuses[R.choice(pool)] = s_to

    tickets = [dict(created=created[i], status=statuses[i]) for i in range(N_TICKETS)]
    # ---- api tickets (alerts from integrations); they never wait on a customer
    api_idx = sorted(R.sample(range(N_TICKETS), N_API))
    for i in api_idx:
        tickets[i]["lang"] = "api"
        if tickets[i]["status"] == "pending":
            swap = [j for j in range(N_TICKETS) if j not in api_idx and tickets[j]["status"] == "on-hold"]
            j = R.choice(swap)
            tickets[j]["status"], tickets[i]["status"] = "pending", "on-hold"
    human_idx = [i for i in range(N_TICKETS) if i not in api_idx]
    n_h = len(human_idx)
    n_en, n_tr = round(n_h * 0.55), round(n_h * 0.25)
    langs = ["en"] * n_en + ["tr"] * n_tr + ["fa"] * (n_h - n_en - n_tr)
    R.shuffle(langs)
    for i, l in zip(human_idx, langs):
        tickets[i]["lang"] = l

    # ---- customers: everyone writes at least once, some write a lot (cap 9)
    counts = {c["id"]: 0 for c in humans}
    for l in ("en", "tr", "fa"):
        idx = [i for i in human_idx if tickets[i]["lang"] == l]
        pool = list(by_lang[l])
        while len(pool) < len(idx):
            c = wchoice([(c, c["weight"]) for c in by_lang[l] if pool.count(c) < 9])
            pool.append(c)
        R.shuffle(pool)
        for i, c in zip(idx, pool):
            tickets[i]["cust"] = c
            counts[c["id"]] += 1

    # ---- walk tickets oldest first so each customer's history never repeats a scenario
    used = {c["id"]: [] for c in customers}
    for t in sorted(tickets, key=lambda x: x["created"]):
        lang = t["lang"]
        if lang == "api":
            cands = [s for s in SCEN_BY[("en", "api")] if cut_points(s, t["status"], -t["created"])]
            low = min(USAGE[s["key"]] for s in cands)
            scn = R.choice([s for s in cands if USAGE[s["key"]] <= low])
            USAGE[scn["key"]] += 1
            t["cust"] = integ[API_SOURCE[scn["key"]]]
            t["order_owner"] = R.choice(humans)
            t["channel"] = "api"
            t["lang"] = "en"
            t["is_api"] = True
        else:
            cust = t["cust"]
            age = -t["created"]
            weights = [cw for cw in CHANNEL_W[lang] if not (t["status"] == "new" and cw[0] == "phone")]
            if t["status"] == "open" and age > 2 * DAY:
                weights = [cw for cw in weights if cw[0] != "chat"]     # chats don't stay open for days
            scn = None
            while weights and scn is None:
                ch = wchoice(weights)
                scn = pick_scenario(lang, KIND_OF[ch], t["status"], cust, used[cust["id"]], age)
                if scn is None:
                    weights = [cw for cw in weights if cw[0] != ch]
            if scn is None:     # customer has exhausted everything fitting: allow a repeat
                scn = pick_scenario(lang, "email", t["status"], cust, [], age)
                ch = "email"
            t["channel"] = ch
            t["is_api"] = False
        used[t["cust"]["id"]].append(scn["key"])
        t["scn"] = scn

        # priority
        base = scn["prio"]
        table = {"normal": [("normal", 78), ("low", 9), ("high", 10), ("urgent", 3)],
                 "high": [("high", 45), ("urgent", 7), ("normal", 48)],
                 "low": [("low", 50), ("normal", 50)],
                 "urgent": [("urgent", 70), ("high", 30)]}[base]
        prio = wchoice(table)
        if t["cust"]["vip"] and prio == "normal" and R.random() < 0.2:
            prio = "high"
        t["priority"] = prio

        # assignee
        queue = QUEUE["api"] if t["is_api"] else QUEUE[t["lang"]]
        ag = wchoice(queue)
        t["unassign_later"] = False
        if t["status"] == "new" and t["channel"] != "phone" and R.random() < 0.9:
            ag = None
        t["assignee"] = ag

        cuts = cut_points(scn, t["status"], -t["created"])
        if t["status"] == "open" and ag:
            wts = [(k, (0.6 if -t["created"] < 2 * DAY else 0.1) if k == 0 else 2.0) for k in cuts]
            k = wchoice(wts)
            if k > 0 and t["channel"] != "phone" and R.random() < 0.25:
                t["unassign_later"] = True
        elif t["status"] in ("solved", "closed"):
            wts = [(k, 1.4 if n == 0 else 1.0) for n, k in enumerate(cuts)]
            k = wchoice(wts)
        else:
            k = R.choice(cuts)
        if t["status"] == "new" or not ag:
            k = 0
        t["k"] = k
        t["ctx"] = make_ctx(t, t["cust"], t["lang"])
        if t["channel"] == "marketplace":
            t["ctx"]["mkt"] = market_number(scn["market"])
        seq, info = build_ticket(t, scn, k)
        t["seq"] = place_in_time(t, seq)
        t["info"] = info
        add_staleness(t)

    # ---- auto-close events for closed tickets whose solve is old enough
    for t in tickets:
        if t["status"] == "closed":
            last = t["seq"][-1]["at"]
            if last + 4 * DAY < -HOUR and R.random() < 0.35:
                t["seq"].append({"kind": "event", "direction": "out", "author": None, "at": last + 4 * DAY,
                                 "text": "", "event": {"type": "status", "from": "solved", "to": "closed"}})
                t["seq"][-1]["text"] = ev_text(t["seq"][-1]["event"])

    # ---- a few duplicates merged into the original ticket
    merges = []
    for lang in ("en", "tr", "fa"):
        cands = [t for t in tickets if t["lang"] == lang and not t["is_api"] and t["channel"] == "email"
                 and t["assignee"] and t["created"] < -2 * DAY and len(t["seq"]) >= 3
                 and first_public_out(t["seq"]) - t["created"] > 45 * MIN]
        cands.sort(key=lambda x: x["created"])
        orig = R.choice(cands)
        d_created = orig["created"] + rint(8 * MIN, 30 * MIN)
        fpo = first_public_out(orig["seq"])
        merge_at = fpo - rint(60, min(15 * MIN, fpo - d_created - 60))
        dup_ctx = orig["ctx"]
        body = fill(DUPLICATE_TEXT[lang], dup_ctx, inbound=True)
        fake_scn = dict(first=[DUPLICATE_TEXT[lang]], topic=orig["scn"]["topic"], raw=True, market=None)
        text = wrap_customer_first(body, fake_scn, lang, "web", dup_ctx)
        dup = dict(created=d_created, status="closed", lang=lang, cust=orig["cust"], channel="web",
                   is_api=False, priority=orig["priority"], assignee=orig["assignee"], subject=None,
                   scn=dict(orig["scn"], tags=["duplicate"]), info=dict(reopened=False, mentions=[]),
                   ctx=dup_ctx, k=0, dup_of=orig)
        dup["seq"] = [
            {"kind": "reply", "direction": "in", "author": orig["cust"]["id"], "at": d_created, "text": text},
            {"kind": "event", "direction": "out", "author": orig["assignee"], "at": merge_at, "text": "",
             "event": {"type": "merge", "from": None, "to": None}},
        ]
        orig["seq"].append({"kind": "event", "direction": "out", "author": orig["assignee"], "at": merge_at,
                            "text": "", "event": {"type": "merge", "from": None, "to": None}})
        orig["seq"].sort(key=lambda m: m["at"])
        merges.append((dup, orig))
        tickets.append(dup)

    # ---- ids in creation order
    tickets.sort(key=lambda x: (x["created"], x["cust"]["id"]))
    for n, t in enumerate(tickets):
        t["id"] = str(1001 + n)
    for dup, orig in merges:
        for tk, txt in ((dup, "Merged into ticket #%s" % orig["id"]),
                        (orig, "Ticket #%s merged into this ticket" % dup["id"])):
            for m in tk["seq"]:
                if m["kind"] == "event" and m["event"]["type"] == "merge":
                    m["event"]["from"], m["event"]["to"] = dup["id"], orig["id"]
                    m["text"] = txt

    # ---- who answered the satisfaction surveys (60% CSAT, 40% CES of solved/closed)
    done = [t for t in tickets if t["status"] in ("solved", "closed")]
    eligible = [t["id"] for t in done if not t["is_api"] and not t.get("dup_of")]
    csat_ids = R.sample(eligible, round(0.60 * len(done)))
    unrated = [i for i in eligible if i not in csat_ids]
    ces_ids = R.sample(csat_ids, round(0.40 * len(done)) - 4) + R.sample(unrated, 4)

    # ---- serialise tickets
    out_tickets = []
    for t in tickets:
        scn, ctx, lang = t["scn"], t["ctx"], t["lang"]
        if t.get("dup_of"):
            subject = t["dup_of"]["subject_out"]
        else:
            subject = fill(R.choice(scn["subj"]), ctx, inbound=True)
        t["subject_out"] = subject
        msgs = []
        for m in t["seq"]:
            o = {"kind": m["kind"], "direction": m["direction"], "author": m["author"], "at": m["at"], "text": m["text"]}
            if m.get("html"):
                o["html"] = inline_images(m["html"], m.get("attachments"))
            if m.get("event"):
                o["event"] = m["event"]
            if m.get("attachments"):
                o["attachments"] = m["attachments"]
            msgs.append(o)
        # the bulk-order scenarios create a new order number: record it on the customer
        if any(ctx["order2"] in m["text"] for m in msgs) and not t["cust"].get("integration"):
            t["cust"]["orders"].append(ctx["order2"])
        status = t["status"]
        final_assignee = None if t.get("unassign_later") else t["assignee"]
        public_out = [m for m in msgs if m["kind"] == "reply" and m["direction"] == "out"]
        due_fr = due_res = None
        if status in ("new", "open", "pending", "on-hold"):
            fr, res = SLA[t["priority"]]
            due_fr = t["created"] + fr if not public_out else None
            due_res = t["created"] + res
        last_public = [m for m in msgs if m["kind"] == "reply"]
        unread = False
        if status == "new":
            unread = R.random() < 0.9
        elif status == "open" and last_public and last_public[-1]["direction"] == "in":
            unread = R.random() < 0.35
        csat = ces = None
        if status in ("solved", "closed") and not t["is_api"] and not t.get("dup_of"):
            frt = (public_out[0]["at"] - t["created"]) if public_out else 0
            if t["id"] in csat_ids:
                csat = wchoice([(5, 62), (4, 25), (3, 8), (2, 3), (1, 2)])
                resolution = msgs[-1]["at"] - t["created"]
                if (t["info"]["reopened"] or frt > 6 * HOUR or resolution > 3 * DAY or len(msgs) > 8) \
                        and R.random() < 0.65:
                    csat = max(1, csat - rint(1, 3))
                if t["id"] in ces_ids:
                    ces = R.choice({5: [6, 7, 7, 5], 4: [5, 6, 6], 3: [3, 4, 5], 2: [2, 3], 1: [1, 2, 1]}[csat])
            elif t["id"] in ces_ids:
                ces = rint(4, 7)
        followers = []
        for a in t["info"]["mentions"]:
            if a != final_assignee and a not in followers:
                followers.append(a)
        if final_assignee and R.random() < 0.12:
            extra = R.choice([a for a in AGENT_IDS if a != final_assignee])
            if extra not in followers:
                followers.append(extra)
        followers = followers[:2]
        tags = list(scn["tags"])
        if scn.get("market"):
            tags.append(scn["market"])
        if t["cust"].get("vip"):
            tags.append("vip")
        if t["info"]["reopened"]:
            tags.append("reopened")
        out_tickets.append({
            "id": t["id"], "subject": subject, "status": status, "priority": t["priority"],
            "channel": t["channel"], "customer": t["cust"]["id"], "assignee": final_assignee,
            "followers": followers, "created": t["created"], "updated": msgs[-1]["at"], "unread": unread,
            "due_first_response": due_fr, "due_resolution": due_res, "csat": csat, "ces": ces,
            "tags": tags, "messages": msgs,
        })

    # ---- customers
    first_seen = {}
    for t in out_tickets:
        first_seen[t["customer"]] = min(first_seen.get(t["customer"], 0), t["created"])
    out_customers = []
    for c in customers:
        if c.get("integration"):
            fields = {"type": "integration", "source": c["desc"]}
            since = -rint(400, 700) * DAY
        else:
            n_orders = len(c["orders"])
            if c["cur"] == "TRY":
                ltv = "%.2f TRY" % sum(R.uniform(900, 24000) for _ in range(n_orders))
            elif c["cur"] == "IRT":
                ltv = "%d IRT" % (sum(rint(150, 4000) for _ in range(n_orders)) * 10000)
            else:
                ltv = "%.2f %s" % (sum(R.uniform(39, 890) for _ in range(n_orders)), c["cur"])
            fields = {"plan": c["plan"], "orders": ", ".join(c["orders"]), "lifetime_value": ltv,
                      "country": c["country"]}
            since = first_seen.get(c["id"], 0) - rint(3 * DAY, 1100 * DAY)
        out_customers.append({
            "id": c["id"], "name": c["name"], "emails": [c["email"]], "phones": c["phones"],
            "organisation": c["org"], "language": c["lang"], "timezone": c["tz"], "since": since,
            "fields": fields,
        })

    agents_out = [{"id": a["id"], "name": a["name"], "email": a["id"] + "@lumenhome.example",
                   "language": a["language"]} for a in (AG[x] for x in AGENT_IDS)]
    doc = {
        "version": 1,
        "workspace": {"name": "Lumen Home Support", "color": "#3584e4", "me": ME},
        "agents": agents_out,
        "customers": out_customers,
        "tickets": out_tickets,
        "templates": build_templates(),
    }
    validate(doc)
    return doc

# =====================================================================
# Validation (runs before anything is printed)
# =====================================================================
STATUSES = ("new", "open", "pending", "on-hold", "solved", "closed")
PRIORITIES = ("low", "normal", "high", "urgent")
CHANNELS = ("email", "chat", "phone", "social", "marketplace", "web", "api")
TEMPLATE_PH = re.compile(r"\{\{\s*([a-z_.A-Z]+)\s*(\|\s*\"[^\"]*\"\s*)?\}\}")
TEMPLATE_OK = re.compile(r"^(customer\.(first_name|last_name|name|email|field\.[a-z_]+)|"
                         r"ticket\.(id|subject|status)|agent\.(first_name|name)|account\.name|today)$")
LEFTOVER = re.compile(r"\{[a-z0-9]+(:[0-9.]+)?\}")
ARABIC_ONLY = re.compile("[\u064a\u0643\u0649]")     # Arabic yeh / kaf / alef maksura


def validate(doc):
    agents = {a["id"] for a in doc["agents"]}
    assert len(doc["agents"]) == 6 and doc["agents"][0]["id"] == doc["workspace"]["me"]
    customers = {c["id"]: c for c in doc["customers"]}
    assert len(customers) == len(doc["customers"])
    humans = [c for c in doc["customers"] if c["fields"].get("type") != "integration"]
    assert len(humans) >= 60, len(humans)
    for c in doc["customers"]:
        assert c["language"] in ("en", "tr", "fa") and c["emails"] and c["since"] < 0
        for v in c["fields"].values():
            assert isinstance(v, str)
    tickets = doc["tickets"]
    assert len(tickets) >= 320, len(tickets)
    ids = [int(t["id"]) for t in tickets]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    assert [t["created"] for t in tickets] == sorted(t["created"] for t in tickets)
    chan_count = {ch: 0 for ch in CHANNELS}
    n_msgs = 0
    per_cust = {}
    for t in tickets:
        tid = t["id"]
        assert t["status"] in STATUSES and t["priority"] in PRIORITIES and t["channel"] in CHANNELS, tid
        chan_count[t["channel"]] += 1
        assert t["customer"] in customers, tid
        per_cust[t["customer"]] = per_cust.get(t["customer"], 0) + 1
        assert t["assignee"] is None or t["assignee"] in agents, tid
        assert all(f in agents and f != t["assignee"] for f in t["followers"]), tid
        assert t["subject"] and not LEFTOVER.search(t["subject"]), tid
        msgs = t["messages"]
        assert 1 <= len(msgs) <= 12, (tid, len(msgs))
        n_msgs += len(msgs)
        assert msgs[0]["at"] == t["created"] and msgs[-1]["at"] == t["updated"], tid
        assert all(a["at"] <= b["at"] for a, b in zip(msgs, msgs[1:])), tid
        assert all(m["at"] < 0 for m in msgs), tid
        first = msgs[0]
        if t["channel"] == "phone":
            assert first["kind"] == "note" and first["author"] in agents, tid
            assert msgs[1]["kind"] == "reply" and msgs[1]["direction"] == "in", tid
        else:
            assert first["kind"] == "reply" and first["direction"] == "in" and first["author"] == t["customer"], tid
        if t["channel"] == "api":
            assert customers[t["customer"]]["fields"].get("type") == "integration", tid
        for m in msgs:
            assert m["kind"] in ("reply", "note", "event") and m["direction"] in ("in", "out"), tid
            assert isinstance(m["text"], str) and m["text"].strip(), tid
            assert not LEFTOVER.search(m["text"]), (tid, m["text"][:80])
            if m["kind"] == "reply" and m["direction"] == "in":
                assert m["author"] == t["customer"], tid
            elif m["kind"] == "event":
                assert m["direction"] == "out" and (m["author"] is None or m["author"] in agents), tid
                ev = m["event"]
                assert ev["type"] in ("status", "assign", "priority", "merge"), tid
                if ev["type"] == "status":
                    assert ev["from"] in STATUSES and ev["to"] in STATUSES and ev["from"] != ev["to"], tid
                if ev["type"] == "assign":
                    assert ev["from"] is None or ev["from"] in agents, tid
                    assert ev["to"] is None or ev["to"] in agents, tid
                if ev["type"] == "priority":
                    assert ev["from"] in PRIORITIES and ev["to"] in PRIORITIES, tid
            else:
                assert m["direction"] == "out" and m["author"] in agents, tid
                assert "event" not in m, tid
            if "html" in m:
                assert m["html"].strip() and m["text"].strip(), tid
            for a in m.get("attachments", []):
                assert a["name"] and "/" in a["mime"] and a["size"] > 0, tid
            if customers[t["customer"]]["language"] == "fa" and m["kind"] == "reply":
                assert not ARABIC_ONLY.search(m["text"]), (tid, m["text"][:60])
        public_out = [m for m in msgs if m["kind"] == "reply" and m["direction"] == "out"]
        if t["status"] in ("solved", "closed"):
            assert t["due_first_response"] is None and t["due_resolution"] is None, tid
        else:
            assert t["due_resolution"] is not None, tid
            assert (t["due_first_response"] is None) == bool(public_out), tid
        if t["status"] == "new":
            assert not public_out, tid
        assert t["csat"] is None or (t["status"] in ("solved", "closed") and 1 <= t["csat"] <= 5), tid
        assert t["ces"] is None or (t["status"] in ("solved", "closed") and 1 <= t["ces"] <= 7), tid
    # minimums
    assert all(chan_count[c] > 0 for c in CHANNELS), chan_count
    assert chan_count["api"] >= 5 and chan_count["email"] == max(chan_count.values()), chan_count
    assert min(chan_count.values()) == chan_count["api"], chan_count
    multi = sum(1 for c in humans if per_cust.get(c["id"], 0) >= 2)
    assert multi >= 0.75 * len(humans), multi
    for lang in ("en", "tr", "fa"):
        assert len({s["key"] for s in SCENARIOS if s["lang"] == lang}) >= 30, lang
    # surveys
    done = [t for t in tickets if t["status"] in ("solved", "closed")]
    assert 0.45 * len(done) <= sum(1 for t in done if t["csat"]) <= 0.7 * len(done)
    assert 0.3 * len(done) <= sum(1 for t in done if t["ces"]) <= 0.5 * len(done)
    # time distribution
    assert 30 <= sum(1 for t in tickets if t["created"] > -DAY) <= 50
    assert min(t["created"] for t in tickets) >= -90 * DAY
    # templates
    tpl = doc["templates"]
    assert len(tpl) >= 30
    keys = {}
    for x in tpl:
        assert x["folder"] in ("Orders & shipping", "Returns & refunds", "Billing", "Account & login",
                               "Technical", "General")
        keys.setdefault(x["key"], set()).add(x["language"])
        for m in TEMPLATE_PH.finditer(x["body"]):
            assert TEMPLATE_OK.match(m.group(1)), m.group(1)
        assert x["body"].count("{{") == len(TEMPLATE_PH.findall(x["body"])), x["key"]
        note = x.get("actions", {}).get("note", "")
        for m in TEMPLATE_PH.finditer(note):
            assert TEMPLATE_OK.match(m.group(1)), m.group(1)
        assert note.count("{{") == len(TEMPLATE_PH.findall(note)), x["key"]
    assert all(v == {"en", "tr", "fa"} for v in keys.values())
    assert n_msgs / len(tickets) < 5.0, n_msgs / len(tickets)


def frt_buckets(tickets):
    b = [0, 0, 0, 0]
    for x in tickets:
        outs = [m["at"] for m in x["messages"] if m["kind"] == "reply" and m["direction"] == "out"]
        if outs:
            d = outs[0] - x["created"]
            b[0 if d < HOUR else 1 if d < 4 * HOUR else 2 if d < 8 * HOUR else 3] += 1
    return b


def report(doc, size):
    def count(key, items):
        out = {}
        for it in items:
            out[key(it)] = out.get(key(it), 0) + 1
        return out
    cust = {c["id"]: c for c in doc["customers"]}
    t = doc["tickets"]
    msgs = [m for x in t for m in x["messages"]]
    done = [x for x in t if x["status"] in ("solved", "closed")]
    lines = [
        "size: %d bytes" % size,
        "tickets: %d  messages: %d (avg %.2f)  customers: %d" % (len(t), len(msgs), len(msgs) / len(t), len(cust)),
        "status: %s" % count(lambda x: x["status"], t),
        "channel: %s" % count(lambda x: x["channel"], t),
        "language: %s" % count(lambda x: cust[x["customer"]]["language"], t),
        "customer language: %s" % count(lambda c: c["language"], doc["customers"]),
        "priority: %s" % count(lambda x: x["priority"], t),
        "assignee: %s" % count(lambda x: x["assignee"], t),
        "last 24h: %d" % sum(1 for x in t if x["created"] > -DAY),
        "csat: %d/%d  ces: %d  csat dist: %s" % (sum(1 for x in done if x["csat"]), len(done),
                                                   sum(1 for x in done if x["ces"]), count(lambda x: x["csat"], done)),
        "templates: %s" % count(lambda x: x["language"], doc["templates"]),
        "attachments on %d messages, html on %d, notes %d, events %d" % (
            sum(1 for m in msgs if m.get("attachments")), sum(1 for m in msgs if m.get("html")),
            sum(1 for m in msgs if m["kind"] == "note"), sum(1 for m in msgs if m["kind"] == "event")),
        "mentions of @%s: %d" % (ME, sum(1 for m in msgs if m["kind"] == "note" and ("@" + ME) in m["text"])),
        "tickets per customer: %s" % sorted(count(lambda x: x["customer"], t).values()),
        "FRT buckets (<1h, 1-4h, 4-8h, >8h): %s" % frt_buckets(t),
        "solved with one agent reply (FCR): %d/%d" % (sum(1 for x in done if sum(1 for m in x["messages"] if m["kind"] == "reply" and m["direction"] == "out") == 1), len(done)),
        "unread: %d  reopened: %d" % (sum(1 for x in t if x["unread"]), sum(1 for x in t if "reopened" in x["tags"])),
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    DOC = main()
    OUT = json.dumps(DOC, ensure_ascii=False, indent=1, sort_keys=False) + "\n"
    SIZE = len(OUT.encode("utf-8"))
    assert SIZE < 1500000, SIZE
    if "--stats" in sys.argv:
        sys.stderr.write(report(DOC, SIZE) + "\n")
    sys.stdout.write(OUT)
