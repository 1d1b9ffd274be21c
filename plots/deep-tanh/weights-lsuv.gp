# Weight histograms of one strategy, written by compare-inits.
# Re-render with `gnuplot weights-lsuv.gp` in this folder (reads weights-lsuv.dat).
reset
set terminal pngcairo size 960,1320 noenhanced font 'sans,11'
set linetype 1 linecolor rgb '#000000' dashtype 1 linewidth 2
set linetype 2 linecolor rgb '#E69F00' dashtype (14,6) linewidth 2
set linetype 3 linecolor rgb '#56B4E9' dashtype (4,4) linewidth 2
set linetype 4 linecolor rgb '#009E73' dashtype (14,4,3,4) linewidth 2
set linetype 5 linecolor rgb '#0072B2' dashtype (28,8) linewidth 2
set linetype 6 linecolor rgb '#D55E00' dashtype (3,3,10,3) linewidth 2
set linetype 7 linecolor rgb '#CC79A7' dashtype (8,3) linewidth 2
set linetype 8 linecolor rgb '#B8A200' dashtype (20,4,3,4,3,4) linewidth 2
set linetype cycle 8
set output 'weights-lsuv.png'
set style fill solid 0.5 noborder
set grid
set xlabel 'Weight value'
set ylabel 'Weights per bin'
set multiplot layout 4,3 title 'LSUV: each layer'."'".'s weights where training started (filled) and where it ended (line), seed 1'
set title 'layer 1'
set boxwidth 0.012837210893630982
set xrange [-0.334552475810051:0.37149412333965304]
set xtics 0.2
plot 'weights-lsuv.dat' index 0 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 0 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 2'
set boxwidth 0.023575153350830078
set xrange [-0.6576358437538147:0.6389975905418396]
set xtics 0.5
plot 'weights-lsuv.dat' index 1 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 1 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 3'
set boxwidth 0.023720170259475707
set xrange [-0.6247518688440323:0.6798574954271317]
set xtics 0.5
plot 'weights-lsuv.dat' index 2 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 2 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 4'
set boxwidth 0.022261390686035155
set xrange [-0.5999868750572205:0.6243896126747132]
set xtics 0.5
plot 'weights-lsuv.dat' index 3 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 3 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 5'
set boxwidth 0.021112087965011597
set xrange [-0.5817390769720078:0.5794257611036301]
set xtics 0.5
plot 'weights-lsuv.dat' index 4 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 4 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 6'
set boxwidth 0.02085523009300232
set xrange [-0.5369621962308884:0.6100754588842392]
set xtics 0.5
plot 'weights-lsuv.dat' index 5 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 5 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 7'
set boxwidth 0.023183935880661012
set xrange [-0.6823566406965256:0.59275983273983]
set xtics 0.5
plot 'weights-lsuv.dat' index 6 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 6 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 8'
set boxwidth 0.021217884421348573
set xrange [-0.6172474965453147:0.5497361466288566]
set xtics 0.5
plot 'weights-lsuv.dat' index 7 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 7 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 9'
set boxwidth 0.02159858703613281
set xrange [-0.5923455595970154:0.5955767273902893]
set xtics 0.5
plot 'weights-lsuv.dat' index 8 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 8 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 10'
set boxwidth 0.022399744987487792
set xrange [-0.6606692910194397:0.5713166832923889]
set xtics 0.5
plot 'weights-lsuv.dat' index 9 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 9 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 11'
set boxwidth 0.01938563823699951
set xrange [-0.511558449268341:0.5546516537666321]
set xtics 0.2
plot 'weights-lsuv.dat' index 10 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 10 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
unset multiplot
