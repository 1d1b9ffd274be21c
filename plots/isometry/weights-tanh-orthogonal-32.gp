# Weight histograms of one strategy, written by compare-inits.
# Re-render with `gnuplot weights-tanh-orthogonal-32.gp` in this folder (reads weights-tanh-orthogonal-32.dat).
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
set output 'weights-tanh-orthogonal-32.png'
set style fill solid 0.5 noborder
set grid
set xlabel 'Weight value'
set ylabel 'Weights per bin'
set multiplot layout 4,3 title 'tanh orthogonal, 32 layers: the weights of 12 of its 33 layers'."\n".'where training started (filled) and where it ended (line), seed 1'
set title 'layer 1'
set boxwidth 0.006425062417984009
set xrange [-0.18389525413513183:0.16948317885398864]
set xtics 0.1
plot 'weights-tanh-orthogonal-32.dat' index 0 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 0 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 4'
set boxwidth 0.011502259969711303
set xrange [-0.301172211766243:0.3314520865678787]
set xtics 0.2
plot 'weights-tanh-orthogonal-32.dat' index 3 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 3 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 7'
set boxwidth 0.01045591413974762
set xrange [-0.27731810957193376:0.29775716811418534]
set xtics 0.2
plot 'weights-tanh-orthogonal-32.dat' index 6 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 6 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 10'
set boxwidth 0.010613893866539001
set xrange [-0.28873771280050275:0.2950264498591423]
set xtics 0.2
plot 'weights-tanh-orthogonal-32.dat' index 9 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 9 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 13'
set boxwidth 0.010312447249889374
set xrange [-0.2684608481824398:0.29872375056147576]
set xtics 0.2
plot 'weights-tanh-orthogonal-32.dat' index 12 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 12 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 16'
set boxwidth 0.010022691190242768
set xrange [-0.26566281244158746:0.28558520302176477]
set xtics 0.2
plot 'weights-tanh-orthogonal-32.dat' index 15 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 15 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 18'
set boxwidth 0.010692413449287414
set xrange [-0.3054825559258461:0.2826001837849617]
set xtics 0.2
plot 'weights-tanh-orthogonal-32.dat' index 17 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 17 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 21'
set boxwidth 0.011115494966506958
set xrange [-0.33086506426334383:0.2804871588945389]
set xtics 0.2
plot 'weights-tanh-orthogonal-32.dat' index 20 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 20 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 24'
set boxwidth 0.010979081392288209
set xrange [-0.2845925122499466:0.31925696432590484]
set xtics 0.2
plot 'weights-tanh-orthogonal-32.dat' index 23 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 23 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 27'
set boxwidth 0.010764170289039612
set xrange [-0.2884728625416756:0.3035565033555031]
set xtics 0.2
plot 'weights-tanh-orthogonal-32.dat' index 26 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 26 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 30'
set boxwidth 0.01055507481098175
set xrange [-0.28213375359773635:0.2983953610062599]
set xtics 0.2
plot 'weights-tanh-orthogonal-32.dat' index 29 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 29 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 33'
set boxwidth 0.010080706477165222
set xrange [-0.2875747367739677:0.26686411947011945]
set xtics 0.2
plot 'weights-tanh-orthogonal-32.dat' index 32 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 32 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
unset multiplot
